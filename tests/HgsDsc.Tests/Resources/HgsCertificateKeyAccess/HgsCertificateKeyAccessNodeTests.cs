using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.Security;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;
using Xunit;
using Resource = HgsDsc.Resources.HgsCertificateKeyAccess.HgsCertificateKeyAccess;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>
/// The Windows implementations on a real HGS node (run elevated, in a lab): a temporary CNG and a
/// temporary CryptoAPI machine key get Read for NETWORK SERVICE through their providers, and the
/// resource reads the certificates the node's HGS uses without changing them. Every temporary key
/// and certificate is removed again.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class HgsCertificateKeyAccessNodeTests
{
    private static readonly Sid NetworkService = Sid.NetworkService;

    [WindowsAdminFact]
    public void A_CNG_machine_key_gets_Read_through_its_key_storage_provider_and_keeps_its_other_entries()
    {
        var name = "HgsDsc-test-" + Guid.NewGuid().ToString("N");
        var parameters = new CngKeyCreationParameters
        {
            KeyCreationOptions = CngKeyCreationOptions.MachineKey,
            Provider = CngProvider.MicrosoftSoftwareKeyStorageProvider,
        };
        parameters.Parameters.Add(new CngProperty("Length", BitConverter.GetBytes(2048), CngPropertyOptions.None));
        using var key = CngKey.Create(CngAlgorithm.Rsa, name, parameters);
        try
        {
            using var rsa = new RSACng(key);
            GrantThroughTheProvider(rsa, KeyProviderKind.Cng, CngProvider.MicrosoftSoftwareKeyStorageProvider.Provider);
        }
        finally
        {
            key.Delete();
        }
    }

    [WindowsAdminFact]
    public void A_CryptoAPI_machine_key_set_gets_Read_through_its_provider_and_keeps_its_other_entries()
    {
        const string provider = "Microsoft Enhanced RSA and AES Cryptographic Provider";
        var parameters = new CspParameters(24, provider, "HgsDsc-test-" + Guid.NewGuid().ToString("N"))
        {
            Flags = CspProviderFlags.UseMachineKeyStore,
            KeyNumber = (int)KeyNumber.Exchange,
        };
        using var rsa = new RSACryptoServiceProvider(2048, parameters) { PersistKeyInCsp = true };
        try
        {
            GrantThroughTheProvider(rsa, KeyProviderKind.Capi, provider);
        }
        finally
        {
            rsa.PersistKeyInCsp = false;
            rsa.Clear();
        }
    }

    [WindowsAdminFact]
    public void The_resource_grants_Read_on_a_temporary_certificate_once_and_then_is_in_the_desired_state()
    {
        var parameters = new CngKeyCreationParameters { KeyCreationOptions = CngKeyCreationOptions.MachineKey };
        parameters.Parameters.Add(new CngProperty("Length", BitConverter.GetBytes(2048), CngPropertyOptions.None));
        using var key = CngKey.Create(CngAlgorithm.Rsa, "HgsDsc-test-" + Guid.NewGuid().ToString("N"), parameters);
        using var rsa = new RSACng(key);
        using var certificate = SelfSigned(rsa);
        AddToStore(certificate);
        try
        {
            var hgs = Substitute.For<IHgsCertificateSource>();
            Resource Desired() => new(hgs, new LocalMachineCertificateStore(), new WindowsPrivateKeySecurity(), new WindowsAccountResolver(), Substitute.For<IKeyProtectionIdentity>())
            {
                Thumbprint = certificate.Thumbprint,
                CertificateType = CertificateType.Signing,
                Account = NetworkService.Value,
            };

            Assert.False(Desired().Test());
            Desired().Set();
            Assert.True(Desired().Test());
            Assert.Contains("Granted", Assert.Single(Desired().Get().Findings!));
        }
        finally
        {
            RemoveFromStore(certificate);
            key.Delete();
        }
    }

    [HgsNodeFact]
    public void Get_reads_every_certificate_this_node_s_HGS_uses_without_changing_anything()
    {
        var state = new Resource { Thumbprint = "All" }.Get();

        Assert.NotNull(state.Certificates);
        Assert.Equal(state.Certificates!.Length, state.Findings!.Length);
        Assert.All(state.Certificates, t => Assert.Matches("^[0-9A-F]{40}$", t));
        Assert.NotNull(state.Account);
    }

    private static void GrantThroughTheProvider(RSA key, KeyProviderKind kind, string provider)
    {
        using var created = SelfSigned(key);
        AddToStore(created);
        try
        {
            using var certificate = new LocalMachineCertificateStore().Find(created.Thumbprint)!;
            SecurityDescriptor before;
            using (var handle = new WindowsPrivateKeySecurity().Open(certificate))
            {
                Assert.Equal(kind, handle.Kind);
                Assert.Equal(provider, handle.ProviderName);
                before = SecurityDescriptor.Parse(handle.ReadSecurityDescriptor());
                Assert.Equal(KeyAccessState.NotGranted, KeyReadAccess.Evaluate(before, NetworkService).State);
                handle.WriteSecurityDescriptor(KeyReadAccess.GrantRead(before, NetworkService, kind).ToBinary());
            }

            using (var handle = new WindowsPrivateKeySecurity().Open(certificate))
            {
                var after = SecurityDescriptor.Parse(handle.ReadSecurityDescriptor());
                Assert.Equal(KeyAccessState.Granted, KeyReadAccess.Evaluate(after, NetworkService).State);
                Assert.All(before.Dacl!.Entries, e => Assert.Contains(after.Dacl!.Entries, a => a.ToBinary().SequenceEqual(e.ToBinary())));
                Assert.Equal(before.Dacl.Entries.Count + 1, after.Dacl!.Entries.Count);
            }
        }
        finally
        {
            RemoveFromStore(created);
        }
    }

    private static X509Certificate2 SelfSigned(RSA key)
    {
        var request = new CertificateRequest("CN=HgsDsc key access test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(TestCertificates.SigningAndEncryption, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static void AddToStore(X509Certificate2 certificate)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.LocalMachine);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
    }

    private static void RemoveFromStore(X509Certificate2 certificate)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.LocalMachine);
        store.Open(OpenFlags.ReadWrite);
        store.Remove(certificate);
    }
}
