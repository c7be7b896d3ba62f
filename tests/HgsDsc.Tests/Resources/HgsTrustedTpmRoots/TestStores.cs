using System.Security.Cryptography.X509Certificates;
using HgsDsc.Resources.HgsTrustedTpmRoots;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>
/// A pair of real CurrentUser certificate stores standing in for LocalMachine\TrustedTPM_RootCA
/// and TrustedTPM_IntermediateCA, with names unique to one test, plus a bystander store that a
/// test fills to prove that nothing outside the pair is touched. On this Linux machine they are
/// directories under ~/.dotnet/corefx/cryptography/x509stores; disposing removes them.
/// </summary>
public sealed class TestStores : IDisposable
{
    public TestStores()
    {
        var id = Guid.NewGuid().ToString("N");
        RootName = "HgsDscTest_" + id + "_RootCA";
        IntermediateName = "HgsDscTest_" + id + "_IntermediateCA";
        BystanderName = "HgsDscTest_" + id + "_Bystander";
        Stores = new X509TpmRootStores(StoreLocation.CurrentUser, RootName, IntermediateName);
    }

    public string RootName { get; }

    public string IntermediateName { get; }

    public string BystanderName { get; }

    public X509TpmRootStores Stores { get; }

    public string NameOf(TrustedTpmStore store) => store == TrustedTpmStore.RootCA ? RootName : IntermediateName;

    public bool Exists(string name)
    {
        using var store = new X509Store(name, StoreLocation.CurrentUser);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            return true;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public bool Exists(TrustedTpmStore store) => Exists(NameOf(store));

    public void Install(string name, params X509Certificate2[] certificates)
    {
        using var store = new X509Store(name, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        foreach (var certificate in certificates)
        {
            store.Add(X509CertificateLoader.LoadCertificate(certificate.RawData));
        }
    }

    public void Install(TrustedTpmStore store, params X509Certificate2[] certificates) => Install(NameOf(store), certificates);

    public HashSet<string> Thumbprints(string name)
    {
        if (!Exists(name))
        {
            return new HashSet<string>();
        }

        using var store = new X509Store(name, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        return store.Certificates.Select(c => c.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public HashSet<string> Thumbprints(TrustedTpmStore store) => Thumbprints(NameOf(store));

    public void Dispose()
    {
        foreach (var name in new[] { RootName, IntermediateName, BystanderName })
        {
            if (!Exists(name))
            {
                continue;
            }

            using (var store = new X509Store(name, StoreLocation.CurrentUser))
            {
                store.Open(OpenFlags.ReadWrite);
                store.RemoveRange(store.Certificates);
            }

            var directory = Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "corefx", "cryptography", "x509stores", name.ToLowerInvariant());
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
