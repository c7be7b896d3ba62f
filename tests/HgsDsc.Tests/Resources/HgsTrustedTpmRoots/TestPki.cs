using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>
/// Real certificates for the tests: vendor roots, intermediates and TPM endorsement key
/// certificates shaped like real ones (empty subject, critical subjectAltName naming the TPM).
/// ECDSA P-256 keys keep generation fast; RSA is used where a test is about RSA.
/// </summary>
public sealed class TestCa : IDisposable
{
    private TestCa(X509Certificate2 withKey)
    {
        WithKey = withKey;
        Certificate = X509CertificateLoader.LoadCertificate(withKey.RawData);
    }

    /// <summary>The certificate with its private key, for issuing.</summary>
    public X509Certificate2 WithKey { get; }

    /// <summary>The public certificate, as a package ships it.</summary>
    public X509Certificate2 Certificate { get; }

    public string Thumbprint => Certificate.Thumbprint;

    public string Subject => Certificate.Subject;

    public static TestCa Root(string name, TestKey key = TestKey.EcdsaP256, HashAlgorithmName? hash = null, RSASignaturePadding? padding = null, DateTimeOffset? notAfter = null)
    {
        var request = key.Request("CN=" + name + ", O=HgsDsc Test TPM Vendor", hash ?? HashAlgorithmName.SHA256, padding, out var keyObject);
        using (keyObject)
        {
            AddCaExtensions(request);
            var end = notAfter ?? DateTimeOffset.UtcNow.AddYears(20);
            return new TestCa(request.CreateSelfSigned(end < DateTimeOffset.UtcNow ? end.AddYears(-10) : DateTimeOffset.UtcNow.AddDays(-1), end));
        }
    }

    /// <summary>A CA certificate issued by this one.</summary>
    /// <param name="keyIdentifier">The subject key identifier to claim; by default the one of its own key.</param>
    /// <param name="certificateAuthority">False gives basic constraints that forbid issuing, which a chain must not ignore.</param>
    public TestCa IssueCa(string name, TestKey key = TestKey.EcdsaP256, DateTimeOffset? notAfter = null, byte[]? keyIdentifier = null, bool certificateAuthority = true)
    {
        var request = key.Request("CN=" + name + ", O=HgsDsc Test TPM Vendor", HashAlgorithmName.SHA256, null, out var keyObject);
        using (keyObject)
        {
            AddCaExtensions(request, keyIdentifier, certificateAuthority);
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
            using var issued = Sign(request, notAfter ?? DateTimeOffset.UtcNow.AddYears(10));
            return new TestCa(AttachKey(issued, keyObject));
        }
    }

    /// <summary>
    /// Two CA certificates that issue each other (A is issued by B, B by A) and nothing else:
    /// a loop a chain walk must leave.
    /// </summary>
    public static (TestCa A, TestCa B) IssuingEachOther(string nameA, string nameB)
    {
        using var keyA = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var keyB = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var dnA = new X500DistinguishedName("CN=" + nameA + ", O=HgsDsc Test TPM Vendor");
        var dnB = new X500DistinguishedName("CN=" + nameB + ", O=HgsDsc Test TPM Vendor");
        return (CrossSigned(dnA, keyA, dnB, keyB), CrossSigned(dnB, keyB, dnA, keyA));
    }

    /// <summary>A CA certificate with this CA's name and key identifier but another key: what a chain walk must tell from the real one.</summary>
    public static TestCa Impostor(TestCa issuer, TestCa impersonated)
    {
        var keyIdentifier = impersonated.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray();
        var name = impersonated.Certificate.GetNameInfo(X509NameType.SimpleName, false);
        var impostor = issuer.IssueCa(name, keyIdentifier: keyIdentifier);
        Assert.Equal(impersonated.Certificate.SubjectName.RawData, impostor.Certificate.SubjectName.RawData);
        return impostor;
    }

    /// <summary>A second CA certificate for the key and name of <paramref name="subject"/>, issued by this CA (cross-certification).</summary>
    public X509Certificate2 Certify(TestCa subject)
    {
        var request = new CertificateRequest(subject.Certificate.SubjectName, subject.Certificate.PublicKey, HashAlgorithmName.SHA256);
        AddCaExtensions(request);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        using var issued = Sign(request, DateTimeOffset.UtcNow.AddYears(10));
        return X509CertificateLoader.LoadCertificate(issued.RawData);
    }

    /// <summary>
    /// A TPM endorsement key certificate whose signature claims SM2 with SM3, an algorithm .NET
    /// cannot verify (the signature bytes are random).
    /// </summary>
    public X509Certificate2 IssueEkSignedWithSm2()
    {
        using var ek = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName(new byte[] { 0x30, 0x00 }), ek, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        using var issued = request.Create(Certificate.SubjectName, new Sm2LookalikeSignatureGenerator(), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(30), Serial());
        return X509CertificateLoader.LoadCertificate(issued.RawData);
    }

    /// <summary>A TPM endorsement key certificate issued by this CA.</summary>
    /// <param name="issuerUrl">An authority information access (caIssuers) address for the issuer, as vendors put in EKcerts.</param>
    public X509Certificate2 IssueEk(string tpmModel = "HgsDscTestTpm", Uri? issuerUrl = null)
    {
        using var ek = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName(new byte[] { 0x30, 0x00 }), ek, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", TpmSubjectAltName(tpmModel), critical: true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (issuerUrl != null)
        {
            request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(null, new[] { issuerUrl.AbsoluteUri }));
        }

        using var issued = Sign(request, DateTimeOffset.UtcNow.AddYears(30));
        return X509CertificateLoader.LoadCertificate(issued.RawData);
    }

    /// <summary>A certificate whose issuer name is its subject, signed by a different key: not a root.</summary>
    public static X509Certificate2 SameNameOtherKey(string name)
    {
        using var subjectKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var dn = new X500DistinguishedName("CN=" + name + ", O=HgsDsc Test TPM Vendor");
        var request = new CertificateRequest(dn, subjectKey, HashAlgorithmName.SHA256);
        AddCaExtensions(request);
        using var forged = request.Create(dn, X509SignatureGenerator.CreateForECDsa(signingKey), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), Serial());
        return X509CertificateLoader.LoadCertificate(forged.RawData);
    }

    /// <summary>
    /// DER with the outline of a certificate (so it passes the structural check) whose validity
    /// holds integers instead of times, which the platform's loader refuses.
    /// </summary>
    public static byte[] OutlineOnlyCertificate(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var dn = new X500DistinguishedName("CN=" + name).RawData;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(7);
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("1.2.840.10045.4.3.2");
                }

                writer.WriteEncodedValue(dn);
                using (writer.PushSequence())
                {
                    writer.WriteInteger(1);
                    writer.WriteInteger(2);
                }

                writer.WriteEncodedValue(dn);
                writer.WriteEncodedValue(key.ExportSubjectPublicKeyInfo());
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10045.4.3.2");
            }

            writer.WriteBitString(new byte[64]);
        }

        return writer.Encode();
    }

    public void Dispose()
    {
        WithKey.Dispose();
        Certificate.Dispose();
    }

    /// <summary>Signs with this CA's key, whatever the key type of the request.</summary>
    private X509Certificate2 Sign(CertificateRequest request, DateTimeOffset notAfter)
    {
        var notBefore = notAfter < DateTimeOffset.UtcNow ? notAfter.AddYears(-1) : DateTimeOffset.UtcNow.AddDays(-1);
        var generator = WithKey.GetECDsaPrivateKey() is { } ecdsa
            ? X509SignatureGenerator.CreateForECDsa(ecdsa)
            : X509SignatureGenerator.CreateForRSA(WithKey.GetRSAPrivateKey()!, RSASignaturePadding.Pkcs1);
        return request.Create(Certificate.SubjectName, generator, notBefore, notAfter, Serial());
    }

    private static void AddCaExtensions(CertificateRequest request, byte[]? keyIdentifier = null, bool certificateAuthority = true)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(keyIdentifier == null
            ? new X509SubjectKeyIdentifierExtension(request.PublicKey, false)
            : new X509SubjectKeyIdentifierExtension(keyIdentifier, false));
    }

    private static TestCa CrossSigned(X500DistinguishedName subject, ECDsa subjectKey, X500DistinguishedName issuer, ECDsa issuerKey)
    {
        var request = new CertificateRequest(subject, subjectKey, HashAlgorithmName.SHA256);
        AddCaExtensions(request);
        using var issued = request.Create(issuer, X509SignatureGenerator.CreateForECDsa(issuerKey), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5), Serial());
        return new TestCa(issued.CopyWithPrivateKey(subjectKey));
    }

    private static X509Certificate2 AttachKey(X509Certificate2 issued, IDisposable key) => key switch
    {
        ECDsa ecdsa => issued.CopyWithPrivateKey(ecdsa),
        RSA rsa => issued.CopyWithPrivateKey(rsa),
        _ => throw new NotSupportedException(),
    };

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(12);

    /// <summary>directoryName with the TCG TPM manufacturer, model and version attributes, as EK certificates carry it.</summary>
    private static byte[] TpmSubjectAltName(string model)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
            using (writer.PushSequence())
            {
                foreach (var (oid, value) in new[] { ("2.23.133.2.1", "id:54455354"), ("2.23.133.2.2", model), ("2.23.133.2.3", "id:00010002") })
                {
                    using (writer.PushSetOf())
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(oid);
                        writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
                    }
                }
            }
        }

        return writer.Encode();
    }
}

/// <summary>Claims sm2sign-with-sm3 (1.2.156.10197.1.501) and signs with random bytes.</summary>
internal sealed class Sm2LookalikeSignatureGenerator : X509SignatureGenerator
{
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("1.2.156.10197.1.501");
        }

        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => RandomNumberGenerator.GetBytes(72);

    protected override PublicKey BuildPublicKey() => throw new NotSupportedException("only for issuing under another certificate");
}

public enum TestKey
{
    EcdsaP256,
    EcdsaP384,
    Rsa2048,
}

internal static class TestKeyExtensions
{
    public static CertificateRequest Request(this TestKey key, string subject, HashAlgorithmName hash, RSASignaturePadding? padding, out IDisposable keyObject)
    {
        switch (key)
        {
            case TestKey.Rsa2048:
                var rsa = RSA.Create(2048);
                keyObject = rsa;
                return new CertificateRequest(subject, rsa, hash, padding ?? RSASignaturePadding.Pkcs1);
            case TestKey.EcdsaP384:
                var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
                keyObject = p384;
                return new CertificateRequest(subject, p384, hash);
            default:
                var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                keyObject = p256;
                return new CertificateRequest(subject, p256, hash);
        }
    }
}
