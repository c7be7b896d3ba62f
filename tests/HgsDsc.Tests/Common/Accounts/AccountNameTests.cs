using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using Xunit;

namespace HgsDsc.Tests.Common.Accounts;

/// <summary>Every way an administrator writes an account, and every way to get it wrong.</summary>
public sealed class AccountNameTests
{
    [Theory]
    [InlineData("CONTOSO\\hgs-gmsa$", "CONTOSO", "hgs-gmsa$", new[] { "CONTOSO\\hgs-gmsa$", "CONTOSO\\hgs-gmsa" })]
    [InlineData("CONTOSO\\hgs-gmsa", "CONTOSO", "hgs-gmsa", new[] { "CONTOSO\\hgs-gmsa", "CONTOSO\\hgs-gmsa$" })]
    [InlineData("hgs-gmsa$", null, "hgs-gmsa$", new[] { "hgs-gmsa$", "hgs-gmsa" })]
    [InlineData("hgs-gmsa", null, "hgs-gmsa", new[] { "hgs-gmsa", "hgs-gmsa$" })]
    [InlineData("  CONTOSO \\ hgs-gmsa$ ", "CONTOSO", "hgs-gmsa$", new[] { "CONTOSO\\hgs-gmsa$", "CONTOSO\\hgs-gmsa" })]
    [InlineData("NT AUTHORITY\\NETWORK SERVICE", "NT AUTHORITY", "NETWORK SERVICE", new[] { "NT AUTHORITY\\NETWORK SERVICE", "NT AUTHORITY\\NETWORK SERVICE$" })]
    [InlineData("IIS APPPOOL\\KeyProtection", "IIS APPPOOL", "KeyProtection", new[] { "IIS APPPOOL\\KeyProtection", "IIS APPPOOL\\KeyProtection$" })]
    public void Names_are_split_and_looked_up_with_and_without_the_gmsa_dollar(string text, string? domain, string name, string[] candidates)
    {
        var account = AccountName.Parse(text, "Account");

        Assert.False(account.IsSid);
        Assert.Null(account.Sid);
        Assert.Equal(domain, account.Domain);
        Assert.Equal(name, account.Name);
        Assert.Equal(text.Trim(), account.Text);
        Assert.Equal(candidates, account.LookupCandidates);
    }

    [Theory]
    [InlineData("S-1-5-21-1004336348-1177238915-682003330-1105")]
    [InlineData("*S-1-5-21-1004336348-1177238915-682003330-1105")]
    [InlineData("  *s-1-5-21-1004336348-1177238915-682003330-1105 ")]
    public void Sids_are_taken_as_they_are(string text)
    {
        var account = AccountName.Parse(text, "Account");

        Assert.True(account.IsSid);
        Assert.Equal("S-1-5-21-1004336348-1177238915-682003330-1105", account.Sid!.Value);
        Assert.Null(account.Name);
        Assert.Empty(account.LookupCandidates);
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("\t", "is empty")]
    [InlineData("S-1-x", "starts like a SID but is not one")]
    [InlineData("S-1", "starts like a SID but is not one")]
    [InlineData("*S-1-5-x", "starts like a SID but is not one")]
    [InlineData("*hgs-gmsa$", "starts like a SID but is not one")]
    [InlineData("a\\b\\c", "more than one backslash")]
    [InlineData("\\hgs-gmsa$", "nothing before its backslash")]
    [InlineData("CONTOSO\\", "names a domain but no account")]
    [InlineData("CONTOSO\\$", "names a domain but no account")]
    [InlineData("$", "names a domain but no account")]
    [InlineData("CONTOSO\\hgs:gmsa$", "contains ':'")]
    [InlineData("CON/TOSO\\hgs$", "contains '/'")]
    [InlineData("hgs,gmsa", "contains ','")]
    public void Malformed_input_is_a_clear_error_naming_the_property_and_the_value(string? text, string explanation)
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => AccountName.Parse(text, "Account"));

        Assert.Equal("Account", error.PropertyName);
        Assert.Equal(text, error.Value);
        Assert.Equal("InvalidPropertyValue", error.ErrorId);
        Assert.Contains("'Account'", error.Message);
        Assert.Contains(explanation, error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        if (!string.IsNullOrWhiteSpace(text))
        {
            Assert.Contains(text.Trim(), error.Message);
        }
    }
}
