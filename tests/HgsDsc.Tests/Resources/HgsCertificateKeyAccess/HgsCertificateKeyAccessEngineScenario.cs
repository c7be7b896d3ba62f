using System.Collections;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using HgsDsc.Tests.Conformance;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;
using static HgsDsc.Tests.Common.Security.DescriptorBytes;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>
/// HGS uses a signing and an encryption certificate whose keys the gMSA cannot read yet. HGS and
/// IIS come from the stub modules; the store, the key providers and the LSA name lookup are fakes.
/// </summary>
public sealed class HgsCertificateKeyAccessEngineScenario : IEngineScenario
{
    private FakeKeys node = new();

    public string Resource => "HgsCertificateKeyAccess";

    public IReadOnlyDictionary<string, string> Properties { get; } = new Dictionary<string, string>
    {
        ["Thumbprint"] = "All",
    };

    public void Arrange(PowerShellSession session)
    {
        node = new FakeKeys();
        var signing = TestCertificates.Rsa(name: "HGS signing");
        var encryption = TestCertificates.Rsa(name: "HGS encryption");
        node.Install(signing, MachineKeyDescriptor());
        node.Install(encryption, MachineKeyDescriptor());
        session.UseHgsStub(new Hashtable
        {
            ["KeyProtectionCertificates"] = new object[]
            {
                new Hashtable { ["Thumbprint"] = signing.Thumbprint, ["CertificateType"] = "Signing", ["AddedBy"] = "Thumbprint" },
                new Hashtable { ["Thumbprint"] = encryption.Thumbprint, ["CertificateType"] = "Encryption", ["AddedBy"] = "Thumbprint" },
            },
        });
        session.Run("$global:IisStub = @{ AppPools = @{ KeyProtection = @{ UserName = $args[0] } } }", @"CONTOSO\hgs-gmsa$");
        session.ImportStub("IISAdministration");
        session.ImportStub("WebAdministration");
    }

    public IDisposable ReplaceNodeServices()
    {
        var accounts = Substitute.For<IAccountResolver>();
        accounts.Resolve(@"CONTOSO\hgs-gmsa$", "Account").Returns(Gmsa);
        accounts.TryGetName(Gmsa).Returns(@"CONTOSO\hgs-gmsa$");
        return new Replacements(
            NodeServices.Replace(() => node.Store),
            NodeServices.Replace(() => node.Security),
            NodeServices.Replace(() => accounts));
    }

    private sealed class Replacements : IDisposable
    {
        private readonly IDisposable[] replaced;

        public Replacements(params IDisposable[] replaced) => this.replaced = replaced;

        public void Dispose()
        {
            foreach (var replacement in replaced)
            {
                replacement.Dispose();
            }
        }
    }
}
