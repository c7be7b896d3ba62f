using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>Real certificates made in the tests with CertificateRequest, as HGS administrators request them.</summary>
public static class TestCertificates
{
    public static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public const X509KeyUsageFlags SigningAndEncryption =
        X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment;

    /// <summary>An RSA certificate with its private key; <paramref name="usage"/> null leaves out the key usage extension.</summary>
    public static X509Certificate2 Rsa(
        int bits = 2048, X509KeyUsageFlags? usage = SigningAndEncryption, DateTime? notBefore = null, DateTime? notAfter = null, string name = "HGS test")
    {
        using var key = RSA.Create(bits);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Create(request, usage, notBefore, notAfter);
    }

    public static X509Certificate2 Ecdsa(X509KeyUsageFlags? usage = X509KeyUsageFlags.DigitalSignature)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=HGS ECDSA test", key, HashAlgorithmName.SHA256);
        return Create(request, usage, null, null);
    }

    /// <summary>The same certificate without its private key, as a node holds one HGS replicated.</summary>
    public static X509Certificate2 PublicOnly(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadCertificate(certificate.RawData);

    /// <summary>A new object for the same certificate and key, as every look-up in a store gives one.</summary>
    public static X509Certificate2 Copy(X509Certificate2 certificate) =>
        certificate.HasPrivateKey
            ? X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12, "copy"), "copy")
            : PublicOnly(certificate);

    private static X509Certificate2 Create(CertificateRequest request, X509KeyUsageFlags? usage, DateTime? notBefore, DateTime? notAfter)
    {
        if (usage != null)
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage.Value, true));
        }

        return request.CreateSelfSigned(notBefore ?? Now.AddDays(-30), notAfter ?? Now.AddYears(2));
    }
}
