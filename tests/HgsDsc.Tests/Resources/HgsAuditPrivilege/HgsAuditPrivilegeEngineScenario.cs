using System.Collections;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Resources.HgsAuditPrivilege;
using HgsDsc.Tests.Conformance;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;

namespace HgsDsc.Tests.Resources.HgsAuditPrivilege;

/// <summary>
/// A node where only LOCAL SERVICE and an IIS app-pool SID hold SeAuditPrivilege, and the
/// account is not named: it is discovered from the stub IIS (in the flattened shape PowerShell 7
/// sees), the LSA and the name lookups are in-memory fakes, and no GPO defines the right.
/// </summary>
public sealed class HgsAuditPrivilegeEngineScenario : IEngineScenario
{
    private static readonly Sid Gmsa = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-1105");
    private static readonly Sid AppPoolSid = Sid.Parse("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415");

    public string Resource => "HgsAuditPrivilege";

    public IReadOnlyDictionary<string, string> Properties { get; } = new Dictionary<string, string>
    {
        ["IsSingleInstance"] = "Yes",
        ["Ensure"] = "Present",
        ["RecycleAppPool"] = "true",
    };

    public void Arrange(PowerShellSession session)
    {
        session.Run("$global:IisStub = $args[0]; $global:HgsStubCalls = [System.Collections.Generic.List[object]]::new()", new Hashtable
        {
            ["Shape"] = "Flattened",
            ["AppPools"] = new Hashtable { ["KeyProtection"] = new Hashtable { ["UserName"] = "HGS\\hgs-gmsa$" } },
        });
        session.ImportStub("IISAdministration");
        session.ImportStub("WebAdministration");
    }

    public IDisposable ReplaceNodeServices()
    {
        var holders = new List<Sid> { Sid.LocalService, AppPoolSid };
        var rights = Substitute.For<IUserRightsStore>();
        rights.GetHolders(HgsDsc.Resources.HgsAuditPrivilege.HgsAuditPrivilege.Right).Returns(_ => holders.ToArray());
        rights.When(r => r.AddRight(Arg.Any<Sid>(), Arg.Any<string>())).Do(c => holders.Add(c.Arg<Sid>()));

        var lookup = Substitute.For<IAccountLookup>();
        lookup.LookupName(Arg.Any<string>()).Returns(AccountLookupResult.Failed(1332));
        lookup.LookupName("HGS\\hgs-gmsa$").Returns(AccountLookupResult.Found(Gmsa));
        lookup.LookupSid(Arg.Any<Sid>()).Returns((string?)null);
        var resolver = new WindowsAccountResolver(lookup);

        var groupPolicy = Substitute.For<IGroupPolicyRights>();
        groupPolicy.FindDomainAssignment(Arg.Any<string>()).Returns((GroupPolicyRightAssignment?)null);

        return new Replacements(
            NodeServices.Replace(() => rights),
            NodeServices.Replace<IAccountResolver>(() => resolver),
            NodeServices.Replace(() => groupPolicy));
    }

    private sealed class Replacements : IDisposable
    {
        private readonly IDisposable[] handles;

        public Replacements(params IDisposable[] handles) => this.handles = handles;

        public void Dispose()
        {
            foreach (var handle in handles)
            {
                handle.Dispose();
            }
        }
    }
}
