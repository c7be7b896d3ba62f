using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Resources.HgsAuditPrivilege;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;
using Resource = HgsDsc.Resources.HgsAuditPrivilege.HgsAuditPrivilege;

namespace HgsDsc.Tests.Resources.HgsAuditPrivilege;

/// <summary>
/// The rules of HgsAuditPrivilege, against substitute user rights, IIS and Group Policy, with the
/// real account resolver over substitute Windows lookups (so every name form goes the real way).
/// </summary>
public sealed class HgsAuditPrivilegeTests
{
    private const string Right = "SeAuditPrivilege";
    private const int ErrorNoneMapped = 1332;

    private static readonly Sid Gmsa = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-1105");
    private static readonly Sid OtherGmsa = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-1200");
    private static readonly Sid AppPoolSid = Sid.Parse("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415");
    private static readonly Sid DeletedAccount = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-9999");
    private static readonly Sid Administrators = Sid.Parse("S-1-5-32-544");

    private readonly List<Sid> holders = new();
    private readonly IUserRightsStore rights = Substitute.For<IUserRightsStore>();
    private readonly IAccountLookup lookup = Substitute.For<IAccountLookup>();
    private readonly IKeyProtectionAppPool appPool = Substitute.For<IKeyProtectionAppPool>();
    private readonly IGroupPolicyRights groupPolicy = Substitute.For<IGroupPolicyRights>();
    private readonly RecordingLog log = new();

    public HgsAuditPrivilegeTests()
    {
        rights.GetHolders(Right).Returns(_ => holders.ToArray());
        rights.When(r => r.AddRight(Arg.Any<Sid>(), Right)).Do(c => holders.Add(c.Arg<Sid>()));
        rights.When(r => r.RemoveRight(Arg.Any<Sid>(), Right)).Do(c => holders.RemoveAll(h => h == c.Arg<Sid>()));

        lookup.LookupName(Arg.Any<string>()).Returns(AccountLookupResult.Failed(ErrorNoneMapped));
        lookup.LookupName("CONTOSO\\hgs-gmsa$").Returns(AccountLookupResult.Found(Gmsa));
        lookup.LookupName("hgs-gmsa$").Returns(AccountLookupResult.Found(Gmsa));
        lookup.LookupName("CONTOSO\\other-gmsa$").Returns(AccountLookupResult.Found(OtherGmsa));
        lookup.LookupName("NT AUTHORITY\\LOCAL SERVICE").Returns(AccountLookupResult.Found(Sid.LocalService));
        lookup.LookupName("NT AUTHORITY\\NETWORK SERVICE").Returns(AccountLookupResult.Found(Sid.NetworkService));
        lookup.LookupSid(Arg.Any<Sid>()).Returns((string?)null);
        lookup.LookupSid(Gmsa).Returns("CONTOSO\\hgs-gmsa$");
        lookup.LookupSid(OtherGmsa).Returns("CONTOSO\\other-gmsa$");
        lookup.LookupSid(Sid.LocalService).Returns("NT AUTHORITY\\LOCAL SERVICE");
        lookup.LookupSid(Sid.NetworkService).Returns("NT AUTHORITY\\NETWORK SERVICE");
        lookup.LookupSid(AppPoolSid).Returns("IIS APPPOOL\\KeyProtection");
        lookup.LookupSid(Administrators).Returns("BUILTIN\\Administrators");

        appPool.GetAppPoolIdentity().Returns("CONTOSO\\hgs-gmsa$");
    }

    private Resource Desired(string? account = "CONTOSO\\hgs-gmsa$", Ensure? ensure = null, bool? recycle = null)
    {
        var resource = new Resource(rights, new WindowsAccountResolver(lookup), appPool, groupPolicy)
        {
            IsSingleInstance = "Yes",
            Account = account,
            Ensure = ensure,
            RecycleAppPool = recycle,
        };
        resource.AttachLog(log);
        return resource;
    }

    private void Holders(params Sid[] sids)
    {
        holders.Clear();
        holders.AddRange(sids);
    }

    private void AssertNothingChanged()
    {
        rights.DidNotReceiveWithAnyArgs().AddRight(default!, default!);
        rights.DidNotReceiveWithAnyArgs().RemoveRight(default!, default!);
        appPool.DidNotReceive().Recycle();
    }

    // ---- the account, in every form

    [Theory]
    [InlineData("CONTOSO\\hgs-gmsa$")]
    [InlineData("CONTOSO\\hgs-gmsa")]
    [InlineData("hgs-gmsa$")]
    [InlineData("hgs-gmsa")]
    [InlineData("S-1-5-21-1004336348-1177238915-682003330-1105")]
    [InlineData("*S-1-5-21-1004336348-1177238915-682003330-1105")]
    [InlineData("  CONTOSO\\hgs-gmsa$  ")]
    public void Every_form_of_the_account_grants_the_same_sid(string account)
    {
        Holders(Sid.LocalService, Sid.NetworkService);

        Desired(account).Set();

        rights.Received(1).AddRight(Gmsa, Right);
        rights.Received(1).AddRight(Arg.Any<Sid>(), Arg.Any<string>());
        Assert.True(Desired(account).Test());
    }

    [Fact]
    public void Holders_are_compared_by_sid_not_by_name()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);
        lookup.LookupSid(Gmsa).Returns("CONTOSO\\renamed-gmsa$");

        Assert.True(Desired("CONTOSO\\hgs-gmsa").Test());
        Assert.True(Desired("*S-1-5-21-1004336348-1177238915-682003330-1105").Test());
    }

    [Fact]
    public void Without_an_account_the_KeyProtection_app_pool_identity_is_used()
    {
        Holders(Sid.LocalService, Sid.NetworkService);

        var state = Desired(account: null).Get();

        Assert.Equal("CONTOSO\\hgs-gmsa$", state.Account);
        Assert.Equal(Gmsa.Value, state.AccountSid);
        Assert.Equal(Ensure.Absent, state.Ensure);
        Assert.Contains(log.Verbose, m => m.Contains("KeyProtection app pool runs as 'CONTOSO\\hgs-gmsa$'"));

        Desired(account: null).Set();

        rights.Received(1).AddRight(Gmsa, Right);
    }

    [Fact]
    public void Discovery_happens_once_per_Set_although_Set_reads_the_node_twice()
    {
        Holders(Sid.LocalService, Sid.NetworkService);

        Desired(account: null).Set();

        appPool.Received(1).GetAppPoolIdentity();
        rights.Received(2).GetHolders(Right);
    }

    [Fact]
    public void A_given_account_is_not_looked_up_in_IIS()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);

        Desired().Test();

        appPool.DidNotReceive().GetAppPoolIdentity();
    }

    [Fact]
    public void When_discovery_fails_the_error_names_the_fix_and_nothing_changes()
    {
        appPool.GetAppPoolIdentity().Throws(new NodeOperationException("KeyProtectionAppPoolMissing", "The IIS app pool 'KeyProtection' does not exist on this node."));

        var error = Assert.Throws<NodeOperationException>(() => Desired(account: null).Set());

        Assert.Equal("KeyProtectionAppPoolMissing", error.ErrorId);
        rights.DidNotReceive().GetHolders(Arg.Any<string>());
        AssertNothingChanged();
    }

    // ---- Get and Test

    [Fact]
    public void Get_in_desired_state_lists_every_holder_and_has_no_reasons()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa, AppPoolSid, DeletedAccount);

        var state = Desired().Get();

        Assert.Empty(state.Reasons!);
        Assert.Equal("Yes", state.IsSingleInstance);
        Assert.Equal(Ensure.Present, state.Ensure);
        Assert.Equal(false, state.DefinedByGroupPolicy);
        Assert.Equal(
            new[]
            {
                "NT AUTHORITY\\LOCAL SERVICE (S-1-5-19)",
                "NT AUTHORITY\\NETWORK SERVICE (S-1-5-20)",
                "CONTOSO\\hgs-gmsa$ (" + Gmsa + ")",
                "IIS APPPOOL\\KeyProtection (" + AppPoolSid + ")",
                DeletedAccount.Value,
            },
            state.Holders);
    }

    [Fact]
    public void Get_gives_a_reason_with_the_guide_symptom_when_the_account_lacks_the_right()
    {
        Holders(Sid.LocalService, Sid.NetworkService);

        var state = Desired().Get();

        var reason = Assert.Single(state.Reasons!);
        Assert.Equal("HgsAuditPrivilege:HgsAuditPrivilege:Ensure", reason.Code);
        Assert.Contains("CONTOSO\\hgs-gmsa$", reason.Phrase);
        Assert.Contains("HTTP 500", reason.Phrase);
        Assert.Contains("Get-HgsKeyProtectionCertificate", reason.Phrase);
        Assert.Contains("every HGS node", reason.Phrase);
    }

    [Fact]
    public void Get_gives_a_reason_naming_the_missing_default_holders()
    {
        Holders(Gmsa, Sid.NetworkService);

        var state = Desired().Get();

        var reason = Assert.Single(state.Reasons!);
        Assert.Equal("HgsAuditPrivilege:HgsAuditPrivilege:Holders", reason.Code);
        Assert.Contains("LOCAL SERVICE (S-1-5-19)", reason.Phrase);
        Assert.DoesNotContain("S-1-5-20", reason.Phrase);
        Assert.Contains("replaced the defaults", reason.Phrase);
    }

    [Fact]
    public void Nobody_holding_the_right_gives_both_reasons()
    {
        Holders();

        var state = Desired().Get();

        Assert.Equal(new[] { "HgsAuditPrivilege:HgsAuditPrivilege:Ensure", "HgsAuditPrivilege:HgsAuditPrivilege:Holders" }, state.Reasons!.Select(r => r.Code));
        Assert.Empty(state.Holders!);
    }

    [Theory]
    [InlineData(new[] { "S-1-5-19", "S-1-5-20", "S-1-5-21-1004336348-1177238915-682003330-1105" }, true)]
    [InlineData(new[] { "S-1-5-20", "S-1-5-21-1004336348-1177238915-682003330-1105", "S-1-5-19", "S-1-5-32-544" }, true)]
    [InlineData(new[] { "S-1-5-19", "S-1-5-20" }, false)]
    [InlineData(new[] { "S-1-5-21-1004336348-1177238915-682003330-1105", "S-1-5-20" }, false)]
    [InlineData(new[] { "S-1-5-21-1004336348-1177238915-682003330-1105", "S-1-5-19" }, false)]
    [InlineData(new string[0], false)]
    public void Test_wants_the_account_and_both_default_holders(string[] current, bool expected)
    {
        Holders(current.Select(Sid.Parse).ToArray());

        Assert.Equal(expected, Desired().Test());
    }

    [Fact]
    public void Get_and_Test_never_change_the_node()
    {
        Holders(AppPoolSid);
        var resource = Desired();

        resource.Get();
        Assert.False(resource.Test());
        Desired(ensure: Ensure.Absent).Get();

        AssertNothingChanged();
    }

    [Fact]
    public void Test_reads_the_holders_once()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);

        Desired().Test();

        rights.Received(1).GetHolders(Right);
        groupPolicy.Received(1).FindDomainAssignment(Right);
    }

    // ---- Present

    [Fact]
    public void Set_restores_the_default_holders_and_adds_the_account_and_nothing_else()
    {
        Holders(AppPoolSid);

        Desired().Set();

        Received.InOrder(() =>
        {
            rights.AddRight(Gmsa, Right);
            rights.AddRight(Sid.LocalService, Right);
            rights.AddRight(Sid.NetworkService, Right);
        });
        rights.Received(3).AddRight(Arg.Any<Sid>(), Arg.Any<string>());
        Assert.Equal(new[] { AppPoolSid, Gmsa, Sid.LocalService, Sid.NetworkService }, holders);
    }

    [Fact]
    public void Set_adds_only_a_missing_default_holder()
    {
        Holders(Gmsa, Sid.LocalService);

        Desired().Set();

        rights.Received(1).AddRight(Sid.NetworkService, Right);
        rights.Received(1).AddRight(Arg.Any<Sid>(), Arg.Any<string>());
        appPool.DidNotReceive().Recycle();
    }

    [Fact]
    public void Set_never_removes_another_holder_resolvable_or_not()
    {
        Holders(AppPoolSid, DeletedAccount, Administrators, OtherGmsa);

        Desired().Set();

        rights.DidNotReceiveWithAnyArgs().RemoveRight(default!, default!);
        Assert.Subset(holders.ToHashSet(), new HashSet<Sid> { AppPoolSid, DeletedAccount, Administrators, OtherGmsa });
    }

    [Fact]
    public void Unresolvable_sids_never_make_Get_Test_or_Set_fail()
    {
        var unresolvable = Enumerable.Range(1, 3).Select(i => Sid.Parse("S-1-5-21-111-222-333-" + (5000 + i))).ToArray();
        lookup.LookupSid(unresolvable[2]).Throws(new InvalidOperationException("The trust relationship failed."));
        Holders(unresolvable.Concat(new[] { Sid.LocalService, Sid.NetworkService }).ToArray());

        var state = Desired().Get();
        Assert.False(Desired().Test());
        Desired().Set();

        Assert.Contains(unresolvable[0].Value, state.Holders!);
        Assert.Contains(unresolvable[2].Value, state.Holders!);
        Assert.True(Desired().Test());
        Assert.Subset(holders.ToHashSet(), unresolvable.ToHashSet());
    }

    [Fact]
    public void Set_twice_changes_the_node_once()
    {
        Holders(Sid.LocalService, Sid.NetworkService);

        Desired().Set();
        Desired().Set();

        rights.Received(1).AddRight(Arg.Any<Sid>(), Arg.Any<string>());
        appPool.Received(1).Recycle();
        Assert.Contains(log.Verbose, m => m.Contains("already in the desired state"));
    }

    [Fact]
    public void Set_in_desired_state_changes_nothing()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);

        Desired().Set();

        AssertNothingChanged();
        rights.Received(1).GetHolders(Right);
    }

    // ---- recycling the app pool

    [Fact]
    public void After_granting_the_account_Set_recycles_the_app_pool_and_says_why()
    {
        Holders(Sid.LocalService, Sid.NetworkService);

        Desired().Set();

        appPool.Received(1).Recycle();
        Assert.Contains(log.Verbose, m => m.Contains("Recycled the IIS app pool 'KeyProtection'") && m.Contains("next logon"));
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void The_app_pool_is_recycled_only_after_the_grant_was_verified()
    {
        Holders(Sid.LocalService, Sid.NetworkService);

        Desired().Set();

        Received.InOrder(() =>
        {
            rights.GetHolders(Right);
            rights.AddRight(Gmsa, Right);
            rights.GetHolders(Right);
            appPool.Recycle();
        });
    }

    [Fact]
    public void With_RecycleAppPool_false_Set_does_not_recycle_and_warns_that_the_right_waits_for_the_next_logon()
    {
        Holders(Sid.LocalService, Sid.NetworkService);

        Desired(recycle: false).Set();

        appPool.DidNotReceive().Recycle();
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("next logon", warning);
        Assert.Contains("Restart-WebAppPool -Name KeyProtection", warning);
    }

    [Fact]
    public void A_failed_recycle_is_a_warning_because_the_right_is_granted()
    {
        Holders(Sid.LocalService, Sid.NetworkService);
        appPool.When(p => p.Recycle()).Do(_ => throw new NodeOperationException("KeyProtectionAppPoolFailed", "W3SVC is stopped."));

        Desired().Set();

        Assert.Contains(Gmsa, holders);
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("W3SVC is stopped.", warning);
        Assert.Contains("Restart-WebAppPool -Name KeyProtection", warning);
    }

    // ---- Absent

    [Fact]
    public void Absent_removes_the_right_from_that_account_only()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa, AppPoolSid, DeletedAccount);

        Assert.False(Desired(ensure: Ensure.Absent).Test());
        Desired(ensure: Ensure.Absent).Set();

        rights.Received(1).RemoveRight(Gmsa, Right);
        rights.Received(1).RemoveRight(Arg.Any<Sid>(), Arg.Any<string>());
        rights.DidNotReceiveWithAnyArgs().AddRight(default!, default!);
        Assert.Equal(new[] { Sid.LocalService, Sid.NetworkService, AppPoolSid, DeletedAccount }, holders);
        Assert.True(Desired(ensure: Ensure.Absent).Test());
        appPool.DidNotReceive().Recycle();
    }

    [Fact]
    public void Absent_does_not_restore_or_require_the_default_holders()
    {
        Holders(AppPoolSid);

        Assert.True(Desired(ensure: Ensure.Absent).Test());
        Desired(ensure: Ensure.Absent).Set();

        AssertNothingChanged();
    }

    [Fact]
    public void Absent_gives_a_reason_when_the_account_still_holds_the_right()
    {
        Holders(Gmsa);

        var reason = Assert.Single(Desired(ensure: Ensure.Absent).Get().Reasons!);

        Assert.Equal("HgsAuditPrivilege:HgsAuditPrivilege:Ensure", reason.Code);
        Assert.Contains("this account only", reason.Phrase);
    }

    [Theory]
    [InlineData("S-1-5-19")]
    [InlineData("*S-1-5-20")]
    [InlineData("NT AUTHORITY\\NETWORK SERVICE")]
    public void Absent_refuses_to_remove_a_default_holder(string account)
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(account, Ensure.Absent).Set());

        Assert.Equal("Account", error.PropertyName);
        Assert.Contains("never removes", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        AssertNothingChanged();
    }

    [Fact]
    public void A_failed_removal_says_nothing_was_changed()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);
        rights.When(r => r.RemoveRight(Gmsa, Right)).Do(_ => throw new NodeOperationException("LsaCallFailed", "The LSA call was denied."));

        var error = Assert.Throws<NodeOperationException>(() => Desired(ensure: Ensure.Absent).Set());

        Assert.Equal("RemoveFailed", error.ErrorId);
        Assert.Contains("nothing was changed", error.Message);
        Assert.Contains("The LSA call was denied.", error.Message);
    }

    // ---- Group Policy

    private void DomainPolicy(params string[] accounts) =>
        groupPolicy.FindDomainAssignment(Right).Returns(new GroupPolicyRightAssignment(
            "CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=hgs,DC=contoso,DC=com", "HGS Servers Security", accounts));

    [Fact]
    public void A_domain_gpo_without_the_account_is_a_reason_and_one_warning_naming_the_fix()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);
        DomainPolicy("*S-1-5-19", "*S-1-5-20");

        var state = Desired().Get();

        Assert.True(state.DefinedByGroupPolicy);
        Assert.Contains("HGS Servers Security", state.GroupPolicy);
        var reason = Assert.Single(state.Reasons!);
        Assert.Equal("HgsAuditPrivilege:HgsAuditPrivilege:DefinedByGroupPolicy", reason.Code);
        Assert.Contains("HGS Servers Security", reason.Phrase);
        Assert.Contains("CONTOSO\\hgs-gmsa$", reason.Phrase);
        Assert.Contains("LOCAL SERVICE and NETWORK SERVICE", reason.Phrase);
        Assert.Contains("User Rights Assignment", reason.Phrase);
        Assert.Equal(reason.Phrase, Assert.Single(log.Warnings));
    }

    [Fact]
    public void A_domain_gpo_that_dropped_the_defaults_is_reported_too()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);
        DomainPolicy("CONTOSO\\hgs-gmsa$");

        var reason = Assert.Single(Desired().Get().Reasons!);

        Assert.Contains("LOCAL SERVICE (S-1-5-19)", reason.Phrase);
        Assert.Contains("NETWORK SERVICE (S-1-5-20)", reason.Phrase);
    }

    [Fact]
    public void Set_under_a_conflicting_gpo_still_grants_locally_warns_and_does_not_fail()
    {
        Holders(Sid.LocalService, Sid.NetworkService);
        DomainPolicy("*S-1-5-19", "*S-1-5-20", "*S-1-5-32-544");

        Desired().Set();

        rights.Received(1).AddRight(Gmsa, Right);
        Assert.Single(log.Warnings, w => w.Contains("HGS Servers Security"));
    }

    [Fact]
    public void A_domain_gpo_that_lists_everything_needed_is_no_reason()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);
        DomainPolicy("NT AUTHORITY\\LOCAL SERVICE", "*S-1-5-20", "CONTOSO\\hgs-gmsa", "CONTOSO\\unknown-account", "*S-1-5-21-1-2-3-4");

        var state = Desired().Get();

        Assert.True(state.DefinedByGroupPolicy);
        Assert.Empty(state.Reasons!);
        Assert.Empty(log.Warnings);
        Assert.Contains(log.Verbose, m => m.Contains("lists what this configuration needs"));
    }

    [Fact]
    public void Under_Absent_a_domain_gpo_that_grants_the_account_is_reported()
    {
        Holders(Sid.LocalService, Sid.NetworkService);
        DomainPolicy("*S-1-5-19", "*S-1-5-20", "*" + Gmsa);

        var state = Desired(ensure: Ensure.Absent).Get();

        var reason = Assert.Single(state.Reasons!);
        Assert.Equal("HgsAuditPrivilege:HgsAuditPrivilege:DefinedByGroupPolicy", reason.Code);
        Assert.Contains("grants it again", reason.Phrase);
    }

    [Fact]
    public void Unreadable_group_policy_is_a_warning_not_a_failure()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);
        groupPolicy.FindDomainAssignment(Right).Throws(new NodeOperationException("CommandFailed", "Invalid namespace"));

        var state = Desired().Get();

        Assert.Null(state.DefinedByGroupPolicy);
        Assert.Empty(state.Reasons!);
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("Invalid namespace", warning);
        Assert.Contains("gpresult", warning);
    }

    // ---- failures halfway and verification

    [Fact]
    public void A_failure_halfway_says_what_was_granted_and_what_was_not()
    {
        Holders();
        rights.When(r => r.AddRight(Sid.LocalService, Right)).Do(_ => throw new NodeOperationException("LsaCallFailed", "Insufficient system resources."));

        var error = Assert.Throws<NodeOperationException>(() => Desired().Set());

        Assert.Equal("GrantFailed", error.ErrorId);
        Assert.Contains("granted 'Generate security audits' (SeAuditPrivilege) to 'CONTOSO\\hgs-gmsa$ (" + Gmsa + ")'", error.Message);
        Assert.Contains("granting it to NT AUTHORITY\\LOCAL SERVICE (S-1-5-19) failed: Insufficient system resources.", error.Message);
        Assert.Contains("Not attempted: 'NT AUTHORITY\\NETWORK SERVICE (S-1-5-20)'", error.Message);
        Assert.Contains("No holder was removed", error.Message);
        rights.DidNotReceive().AddRight(Sid.NetworkService, Right);
        rights.DidNotReceiveWithAnyArgs().RemoveRight(default!, default!);
        appPool.DidNotReceive().Recycle();
    }

    [Fact]
    public void A_failure_of_the_first_grant_says_nothing_was_changed()
    {
        Holders(Sid.LocalService);
        rights.When(r => r.AddRight(Gmsa, Right)).Do(_ => throw new NodeOperationException("LsaCallFailed", "Access denied."));

        var error = Assert.Throws<NodeOperationException>(() => Desired().Set());

        Assert.Contains("failed, so nothing was changed: Access denied.", error.Message);
        Assert.Contains("Not attempted: 'NT AUTHORITY\\NETWORK SERVICE (S-1-5-20)'", error.Message);
    }

    [Fact]
    public void Set_verifies_after_writing_and_fails_when_the_grant_did_not_stick()
    {
        rights.GetHolders(Right).Returns(new[] { Sid.LocalService, Sid.NetworkService });

        var error = Assert.Throws<NodeOperationException>(() => Desired().Set());

        Assert.Equal("SetDidNotConverge", error.ErrorId);
        Assert.Contains("CONTOSO\\hgs-gmsa$", error.Message);
        appPool.DidNotReceive().Recycle();
    }

    // ---- bad input

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("S-1-x", "starts like a SID but is not one")]
    [InlineData("*S-1-5-21-abc", "starts like a SID but is not one")]
    [InlineData("a\\b\\c", "more than one backslash")]
    [InlineData("CONTOSO\\hgs|gmsa", "contains '|'")]
    public void Malformed_accounts_are_rejected_before_the_node_is_read(string account, string explanation)
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(account).Set());

        Assert.Equal("Account", error.PropertyName);
        Assert.Equal(account, error.Value);
        Assert.Contains(explanation, error.Message);
        rights.DidNotReceiveWithAnyArgs().GetHolders(default!);
        AssertNothingChanged();
    }

    [Fact]
    public void An_unknown_account_is_rejected_with_a_clear_error_and_nothing_changes()
    {
        Holders(Sid.LocalService);

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired("CONTOSO\\no-such-gmsa$").Set());

        Assert.Equal("Account", error.PropertyName);
        Assert.Equal("CONTOSO\\no-such-gmsa$", error.Value);
        Assert.Contains("cannot find", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        AssertNothingChanged();
    }

    [Fact]
    public void An_unknown_account_fails_Test_and_Get_the_same_way()
    {
        Assert.Throws<InvalidPropertyValueException>(() => Desired("CONTOSO\\no-such-gmsa$").Test());
        Assert.Throws<InvalidPropertyValueException>(() => Desired("CONTOSO\\no-such-gmsa$").Get());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("No")]
    public void IsSingleInstance_must_be_Yes(string? value)
    {
        var resource = Desired();
        resource.IsSingleInstance = value;

        var error = Assert.Throws<InvalidPropertyValueException>(() => resource.Test());

        Assert.Equal("IsSingleInstance", error.PropertyName);
        rights.DidNotReceiveWithAnyArgs().GetHolders(default!);
    }

    // ---- former accounts, and the guard on Absent

    private Resource DesiredRemoving(params string[] former)
    {
        var resource = Desired();
        resource.RemoveAccounts = former;
        return resource;
    }

    [Fact]
    public void Absent_without_an_account_is_refused_because_it_would_hit_the_running_KeyProtection_account()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(account: null, ensure: Ensure.Absent).Set());

        Assert.Equal("Account", error.PropertyName);
        Assert.Contains("HTTP 500", error.Message);
        appPool.DidNotReceive().GetAppPoolIdentity();
        AssertNothingChanged();
    }

    [Fact]
    public void A_move_to_a_new_gmsa_grants_the_new_account_first_then_removes_the_former_one_only()
    {
        Holders(Sid.LocalService, Sid.NetworkService, OtherGmsa, AppPoolSid, DeletedAccount);

        var state = DesiredRemoving("CONTOSO\\other-gmsa$").Get();
        Assert.Equal(new[] { "HgsAuditPrivilege:HgsAuditPrivilege:Ensure", "HgsAuditPrivilege:HgsAuditPrivilege:RemoveAccounts" }, state.Reasons!.Select(r => r.Code));
        Assert.Equal(new[] { "CONTOSO\\other-gmsa$ (" + OtherGmsa.Value + ")" }, state.RemoveAccounts);

        DesiredRemoving("CONTOSO\\other-gmsa$").Set();

        Received.InOrder(() =>
        {
            rights.AddRight(Gmsa, Right);
            rights.RemoveRight(OtherGmsa, Right);
        });
        rights.Received(1).RemoveRight(Arg.Any<Sid>(), Arg.Any<string>());
        Assert.Equal(new[] { Sid.LocalService, Sid.NetworkService, AppPoolSid, DeletedAccount, Gmsa }, holders);
        Assert.True(DesiredRemoving("CONTOSO\\other-gmsa$").Test());
        Assert.Empty(DesiredRemoving("CONTOSO\\other-gmsa$").Get().RemoveAccounts!);
    }

    [Fact]
    public void A_former_account_that_no_longer_holds_the_right_changes_nothing()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);

        Assert.True(DesiredRemoving("*" + OtherGmsa.Value).Test());
        DesiredRemoving("*" + OtherGmsa.Value).Set();

        AssertNothingChanged();
    }

    [Theory]
    [InlineData("S-1-5-19")]
    [InlineData("NT AUTHORITY\\NETWORK SERVICE")]
    [InlineData("CONTOSO\\hgs-gmsa$")]
    public void RemoveAccounts_never_takes_the_right_from_a_default_holder_or_the_KeyProtection_account(string former)
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa);

        var error = Assert.Throws<InvalidPropertyValueException>(() => DesiredRemoving(former).Set());

        Assert.Equal("RemoveAccounts", error.PropertyName);
        Assert.Equal(former, error.Value);
        AssertNothingChanged();
    }

    [Theory]
    [InlineData("")]
    [InlineData("S-1-x")]
    [InlineData("CONTOSO\\no-such-gmsa$")]
    public void A_bad_former_account_is_rejected_naming_the_property(string former)
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa, OtherGmsa);

        var error = Assert.Throws<InvalidPropertyValueException>(() => DesiredRemoving(former).Set());

        Assert.Equal("RemoveAccounts", error.PropertyName);
        AssertNothingChanged();
    }

    // ---- cost and hints

    [Fact]
    public void Test_compares_sids_without_looking_up_the_names_of_the_holders()
    {
        Holders(Sid.LocalService, Sid.NetworkService, Gmsa, AppPoolSid, DeletedAccount, Administrators);

        Assert.True(Desired().Test());

        lookup.DidNotReceive().LookupSid(DeletedAccount);
        lookup.DidNotReceive().LookupSid(AppPoolSid);
        lookup.DidNotReceive().LookupSid(Administrators);
    }

    [Fact]
    public void A_given_sid_that_names_no_account_is_used_but_warned_about()
    {
        Holders(Sid.LocalService, Sid.NetworkService, DeletedAccount);

        Assert.True(Desired("*" + DeletedAccount.Value).Test());

        var warning = Assert.Single(log.Warnings);
        Assert.Contains(DeletedAccount.Value, warning);
        Assert.Contains("'Account'", warning);
    }
}
