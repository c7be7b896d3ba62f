using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;

namespace HgsDsc.Tests.Common.Accounts;

/// <summary>The resolver's rules around the Windows lookups, with the lookups substituted.</summary>
public sealed class WindowsAccountResolverTests
{
    private const int ErrorNoneMapped = 1332;
    private const int ErrorTrustFailure = 1789;
    private static readonly Sid Gmsa = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-1105");

    private readonly IAccountLookup lookup = Substitute.For<IAccountLookup>();
    private readonly WindowsAccountResolver resolver;

    public WindowsAccountResolverTests()
    {
        lookup.LookupName(Arg.Any<string>()).Returns(AccountLookupResult.Failed(ErrorNoneMapped));
        lookup.LookupName("CONTOSO\\hgs-gmsa$").Returns(AccountLookupResult.Found(Gmsa));
        lookup.LookupSid(Arg.Any<Sid>()).Returns((string?)null);
        lookup.DescribeError(Arg.Any<int>()).Returns(ci => "error text " + ci.Arg<int>());
        resolver = new WindowsAccountResolver(lookup);
    }

    [Theory]
    [InlineData("CONTOSO\\hgs-gmsa$")]
    [InlineData("CONTOSO\\hgs-gmsa")]
    [InlineData(" CONTOSO\\hgs-gmsa$ ")]
    public void A_gmsa_is_found_with_or_without_its_dollar(string account)
    {
        Assert.Equal(Gmsa, resolver.Resolve(account, "Account"));
    }

    [Fact]
    public void The_spelling_as_given_is_tried_first()
    {
        lookup.LookupName("CONTOSO\\svc").Returns(AccountLookupResult.Found(Sid.Parse("S-1-5-21-1-2-3-1200")));
        lookup.LookupName("CONTOSO\\svc$").Returns(AccountLookupResult.Found(Sid.Parse("S-1-5-21-1-2-3-1300")));

        Assert.Equal("S-1-5-21-1-2-3-1200", resolver.Resolve("CONTOSO\\svc", "Account").Value);
        lookup.DidNotReceive().LookupName("CONTOSO\\svc$");
    }

    [Theory]
    [InlineData("S-1-5-21-1004336348-1177238915-682003330-1105")]
    [InlineData("*S-1-5-21-1004336348-1177238915-682003330-1105")]
    public void A_sid_is_accepted_without_any_lookup(string account)
    {
        Assert.Equal(Gmsa, resolver.Resolve(account, "Account"));
        lookup.DidNotReceiveWithAnyArgs().LookupName(default!);
    }

    [Fact]
    public void Dot_backslash_names_an_account_of_this_computer()
    {
        var local = Sid.Parse("S-1-5-21-7-8-9-1001");
        lookup.LookupName(Environment.MachineName + "\\hgs-test").Returns(AccountLookupResult.Found(local));

        Assert.Equal(local, resolver.Resolve(".\\hgs-test", "Account"));
    }

    [Fact]
    public void An_unknown_account_is_invalid_input_naming_what_was_tried()
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => resolver.Resolve("CONTOSO\\nobody", "Account"));

        Assert.Equal("Account", error.PropertyName);
        Assert.Equal("CONTOSO\\nobody", error.Value);
        Assert.Contains("CONTOSO\\nobody$", error.Message);
        Assert.Contains("cannot find", error.Message);
        Assert.Contains("Get-IISAppPool -Name KeyProtection", error.Message);
    }

    [Fact]
    public void A_lookup_failure_that_is_not_no_such_account_is_a_node_error_with_the_windows_error()
    {
        lookup.LookupName("CONTOSO\\other$").Returns(AccountLookupResult.Failed(ErrorTrustFailure));

        var error = Assert.Throws<NodeOperationException>(() => resolver.Resolve("CONTOSO\\other$", "Account"));

        Assert.Equal("AccountLookupFailed", error.ErrorId);
        Assert.Contains("1789", error.Message);
        Assert.Contains("error text 1789", error.Message);
        Assert.Contains("domain controller", error.Message);
    }

    [Fact]
    public void The_sid_name_use_values_are_those_of_winnt_h()
    {
        Assert.Equal(
            new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 },
            new[]
            {
                SidNameUse.User, SidNameUse.Group, SidNameUse.Domain, SidNameUse.Alias, SidNameUse.WellKnownGroup, SidNameUse.DeletedAccount,
                SidNameUse.Invalid, SidNameUse.Unknown, SidNameUse.Computer, SidNameUse.Label, SidNameUse.LogonSession,
            }.Select(u => (int)u));
    }

    [Theory]
    [InlineData(nameof(SidNameUse.User))]
    [InlineData(nameof(SidNameUse.Group))]
    [InlineData(nameof(SidNameUse.Alias))]
    [InlineData(nameof(SidNameUse.WellKnownGroup))]
    [InlineData(nameof(SidNameUse.Computer))]
    public void Names_of_accounts_and_groups_resolve(string kind)
    {
        var use = Enum.Parse<SidNameUse>(kind);
        var sid = Sid.Parse("S-1-5-21-1-2-3-1400");
        lookup.LookupName("CONTOSO\\holder").Returns(AccountLookupResult.Found(sid, use));

        Assert.Equal(sid, resolver.Resolve("CONTOSO\\holder", "Account"));
    }

    [Theory]
    [InlineData(nameof(SidNameUse.Domain))]
    [InlineData(nameof(SidNameUse.DeletedAccount))]
    [InlineData(nameof(SidNameUse.Invalid))]
    [InlineData(nameof(SidNameUse.Unknown))]
    [InlineData(nameof(SidNameUse.Label))]
    [InlineData(nameof(SidNameUse.LogonSession))]
    public void A_name_that_stands_for_no_account_is_invalid_input_with_what_it_is(string kind)
    {
        var use = Enum.Parse<SidNameUse>(kind);
        var sid = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330");
        lookup.LookupName("CONTOSO").Returns(AccountLookupResult.Found(sid, use));

        var error = Assert.Throws<InvalidPropertyValueException>(() => resolver.Resolve("CONTOSO", "Account"));

        Assert.Equal("Account", error.PropertyName);
        Assert.Equal("CONTOSO", error.Value);
        Assert.Contains(sid.Value, error.Message);
        Assert.Contains("a SID of type SidType" + kind, error.Message);
        Assert.Contains("DOMAIN\\name$", error.Message);
        lookup.Received().LookupName("CONTOSO$");
    }

    [Fact]
    public void A_gmsa_named_like_its_domain_is_found_by_its_other_spelling()
    {
        // LsaLookupNames2 matches an isolated name against domain names before accounts.
        lookup.LookupName("hgs").Returns(AccountLookupResult.Found(Sid.Parse("S-1-5-21-1004336348-1177238915-682003330"), SidNameUse.Domain));
        lookup.LookupName("hgs$").Returns(AccountLookupResult.Found(Gmsa, SidNameUse.Computer));

        Assert.Equal(Gmsa, resolver.Resolve("hgs", "Account"));
    }

    [Fact]
    public void A_lookup_failure_outweighs_a_spelling_that_named_a_domain()
    {
        lookup.LookupName("CONTOSO").Returns(AccountLookupResult.Found(Sid.Parse("S-1-5-21-1004336348-1177238915-682003330"), SidNameUse.Domain));
        lookup.LookupName("CONTOSO$").Returns(AccountLookupResult.Failed(ErrorTrustFailure));

        var error = Assert.Throws<NodeOperationException>(() => resolver.Resolve("CONTOSO", "Account"));

        Assert.Equal("AccountLookupFailed", error.ErrorId);
        Assert.Contains("1789", error.Message);
    }

    [Fact]
    public void Malformed_input_fails_before_any_lookup()
    {
        Assert.Throws<InvalidPropertyValueException>(() => resolver.Resolve("S-1-x", "Account"));
        lookup.DidNotReceiveWithAnyArgs().LookupName(default!);
    }

    [Fact]
    public void TryGetName_gives_the_name_or_null_and_never_throws()
    {
        lookup.LookupSid(Sid.NetworkService).Returns("NT AUTHORITY\\NETWORK SERVICE");
        lookup.LookupSid(Gmsa).Throws(new InvalidOperationException("LSA went away"));

        Assert.Equal("NT AUTHORITY\\NETWORK SERVICE", resolver.TryGetName(Sid.NetworkService));
        Assert.Null(resolver.TryGetName(Sid.Parse("S-1-5-21-9-9-9-9999")));
        Assert.Null(resolver.TryGetName(Gmsa));
    }

    [Fact]
    public void The_real_lookup_resolves_well_known_accounts_on_windows_and_says_windows_only_elsewhere()
    {
        var real = new WindowsAccountResolver();

        Assert.Equal(Sid.LocalService, real.Resolve("*S-1-5-19", "Account"));
        if (Platform.IsWindows)
        {
            Assert.Equal(Sid.NetworkService, real.Resolve("NT AUTHORITY\\NETWORK SERVICE", "Account"));
            Assert.EndsWith("\\LOCAL SERVICE", real.TryGetName(Sid.LocalService), StringComparison.OrdinalIgnoreCase);
            Assert.Null(real.TryGetName(Sid.Parse("S-1-5-21-1-2-3-4242")));
        }
        else
        {
            var error = Assert.Throws<NodePrerequisiteException>(() => real.Resolve("NT AUTHORITY\\NETWORK SERVICE", "Account"));
            Assert.Equal("WindowsOnly", error.ErrorId);
            Assert.Contains("LookupAccountNameW", error.Message);
            Assert.Null(real.TryGetName(Sid.LocalService));
        }
    }
}
