using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
using HgsDsc.Resources.HgsTrustedTpmRoots;
using HgsDsc.Tests.Conformance;
using HgsDsc.Tests.Infrastructure;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>
/// A node that has an AMD root and a retired Intel intermediate in its TrustedTPM stores, and
/// must get the Intel part of a package (root and intermediate) with Purge: Set adds the two
/// Intel certificates, removes the retired one and keeps AMD's. The stores are real CurrentUser
/// stores of the scenario's own, put in place of LocalMachine through NodeServices.
/// </summary>
public sealed class HgsTrustedTpmRootsEngineScenario : IEngineScenario
{
    private readonly string packagePath = Path.Combine(Path.GetTempPath(), "HgsDsc.Tests.EngineScenario." + Guid.NewGuid().ToString("N"));
    private TestStores? stores;

    public HgsTrustedTpmRootsEngineScenario()
    {
        Properties = new Dictionary<string, string>
        {
            ["Path"] = packagePath,
            ["Vendor"] = "Intel",
            ["Purge"] = "true",
        };
    }

    public string Resource => "HgsTrustedTpmRoots";

    public IReadOnlyDictionary<string, string> Properties { get; }

    public void Arrange(PowerShellSession session)
    {
        stores = new TestStores();
        using var intelRoot = TestCa.Root("Intel Scenario Root");
        using var intelIntermediate = intelRoot.IssueCa("Intel Scenario Intermediate");
        using var retired = intelRoot.IssueCa("Intel Scenario Retired Intermediate");
        using var amdRoot = TestCa.Root("AMD Scenario Root");
        WriteFile(Path.Combine("Intel", "RootCA", "intel.cer"), intelRoot.Certificate.RawData);
        WriteFile(Path.Combine("Intel", "IntermediateCA", "intel-ca.crt"), TestPackage.Encode(CertificateEncoding.Pem, intelIntermediate.Certificate));
        WriteFile(Path.Combine("AMD", "RootCA", "amd.cer"), amdRoot.Certificate.RawData);
        stores.Install(TrustedTpmStore.RootCA, amdRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, retired.Certificate);
    }

    public IDisposable ReplaceNodeServices()
    {
        var arranged = stores ?? throw new InvalidOperationException("Arrange runs before ReplaceNodeServices.");
        var replacement = NodeServices.Replace<ITpmRootStores>(() => new X509TpmRootStores(StoreLocation.CurrentUser, arranged.RootName, arranged.IntermediateName));
        return new Cleanup(replacement, arranged, packagePath);
    }

    private void WriteFile(string relative, byte[] content)
    {
        var path = Path.Combine(packagePath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    private sealed class Cleanup : IDisposable
    {
        private readonly IDisposable replacement;
        private readonly TestStores stores;
        private readonly string package;

        public Cleanup(IDisposable replacement, TestStores stores, string package)
        {
            this.replacement = replacement;
            this.stores = stores;
            this.package = package;
        }

        public void Dispose()
        {
            replacement.Dispose();
            stores.Dispose();
            if (Directory.Exists(package))
            {
                Directory.Delete(package, recursive: true);
            }
        }
    }
}
