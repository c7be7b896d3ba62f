using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Common.PowerShell;
using HgsDsc.Resources.HgsAuditPrivilege;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsAuditPrivilege;

/// <summary>Reading the resultant set of policy through Get-CimInstance, with a substitute PowerShell.</summary>
public sealed class RsopGroupPolicyRightsTests
{
    private const string DomainGpo = "CN={6AC1786C-016F-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=hgs,DC=contoso,DC=com";

    private readonly ICommandInvoker invoker = Substitute.For<ICommandInvoker>();
    private readonly RsopGroupPolicyRights rsop;

    public RsopGroupPolicyRightsTests()
    {
        invoker.CommandExists(Arg.Any<string>(), Arg.Any<string?>()).Returns(true);
        invoker.Invoke("Get-CimInstance", Arg.Any<IDictionary<string, object?>>()).Returns(Array.Empty<PSObject>());
        rsop = new RsopGroupPolicyRights(invoker);
    }

    private static PSObject Bag(params (string Name, object? Value)[] properties)
    {
        var bag = new PSObject();
        foreach (var (name, value) in properties)
        {
            bag.Properties.Add(new PSNoteProperty(name, value));
        }

        return bag;
    }

    private void Rsop(string className, params PSObject[] instances) =>
        invoker.Invoke("Get-CimInstance", Arg.Is<IDictionary<string, object?>>(p => (string)p["ClassName"]! == className)).Returns(instances);

    [Fact]
    public void Asks_for_the_winning_setting_of_the_right()
    {
        rsop.FindDomainAssignment("SeAuditPrivilege");

        invoker.Received(1).Invoke("Get-CimInstance", Arg.Is<IDictionary<string, object?>>(p =>
            (string)p["Namespace"]! == "root/rsop/computer"
            && (string)p["ClassName"]! == "RSOP_UserPrivilegeRight"
            && (string)p["Filter"]! == "UserRight='SeAuditPrivilege' AND precedence=1"));
    }

    [Fact]
    public void No_setting_means_no_domain_policy()
    {
        Assert.Null(rsop.FindDomainAssignment("SeAuditPrivilege"));
    }

    [Fact]
    public void The_local_policy_is_not_a_domain_policy()
    {
        Rsop("RSOP_UserPrivilegeRight", Bag(("GPOID", "LocalGPO"), ("UserRight", "SeAuditPrivilege"), ("AccountList", new[] { "*S-1-5-19" }), ("precedence", 1u)));

        Assert.Null(rsop.FindDomainAssignment("SeAuditPrivilege"));
    }

    [Fact]
    public void A_domain_gpo_is_returned_with_its_accounts_and_display_name()
    {
        Rsop("RSOP_UserPrivilegeRight", Bag(("GPOID", DomainGpo), ("UserRight", "SeAuditPrivilege"), ("AccountList", new object[] { "*S-1-5-19", " *S-1-5-20 ", "HGS\\hgs-gmsa$", "" }), ("precedence", 1u)));
        Rsop("RSOP_GPO", Bag(("id", DomainGpo), ("name", "HGS Servers Security")));

        var assignment = rsop.FindDomainAssignment("SeAuditPrivilege")!;

        Assert.Equal(DomainGpo, assignment.PolicyId);
        Assert.Equal("HGS Servers Security", assignment.PolicyName);
        Assert.Equal(new[] { "*S-1-5-19", "*S-1-5-20", "HGS\\hgs-gmsa$" }, assignment.Accounts);
        Assert.Equal("HGS Servers Security (" + DomainGpo + ")", assignment.DisplayName);
        invoker.Received(1).Invoke("Get-CimInstance", Arg.Is<IDictionary<string, object?>>(p =>
            (string)p["ClassName"]! == "RSOP_GPO" && (string)p["Filter"]! == "id='" + DomainGpo + "'"));
    }

    [Fact]
    public void A_single_account_and_an_unknown_gpo_name_are_read_too()
    {
        Rsop("RSOP_UserPrivilegeRight", Bag(("GPOID", DomainGpo), ("AccountList", "*S-1-5-20")));
        invoker.Invoke("Get-CimInstance", Arg.Is<IDictionary<string, object?>>(p => (string)p["ClassName"]! == "RSOP_GPO"))
            .Throws(new NodeOperationException("CommandFailed", "Not found"));

        var assignment = rsop.FindDomainAssignment("SeAuditPrivilege")!;

        Assert.Equal(new[] { "*S-1-5-20" }, assignment.Accounts);
        Assert.Null(assignment.PolicyName);
        Assert.Equal(DomainGpo, assignment.DisplayName);
    }

    [Fact]
    public void A_failing_query_surfaces_for_the_resource_to_report()
    {
        invoker.Invoke("Get-CimInstance", Arg.Any<IDictionary<string, object?>>()).Throws(new NodeOperationException("CommandFailed", "Invalid namespace"));

        Assert.Throws<NodeOperationException>(() => rsop.FindDomainAssignment("SeAuditPrivilege"));
    }

    [Theory]
    [InlineData("SeAuditPrivilege", "SeAuditPrivilege")]
    [InlineData("it's", "it\\'s")]
    [InlineData("a\\b", "a\\\\b")]
    public void Text_in_WQL_filters_is_escaped(string value, string escaped)
    {
        Assert.Equal(escaped, RsopGroupPolicyRights.WqlText(value));
    }
}
