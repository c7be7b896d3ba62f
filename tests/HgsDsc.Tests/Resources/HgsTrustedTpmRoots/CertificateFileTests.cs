using System.Security.Cryptography;
using System.Text;
using HgsDsc.Resources.HgsTrustedTpmRoots;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>Reading certificate files (DER, PEM, bundles, damage) and telling roots from non-roots.</summary>
public sealed class CertificateFileTests : IDisposable
{
    private readonly TestCa root = TestCa.Root("Decoder Root");
    private readonly TestCa intermediate;

    public CertificateFileTests()
    {
        intermediate = root.IssueCa("Decoder Intermediate");
    }

    public void Dispose()
    {
        intermediate.Dispose();
        root.Dispose();
    }

    [Fact]
    public void Der_gives_the_certificate()
    {
        var decoded = Assert.Single(CertificateFileDecoder.Decode(root.Certificate.RawData));
        Assert.Equal(root.Thumbprint, decoded.Thumbprint);
    }

    [Fact]
    public void Der_followed_by_a_line_break_is_accepted()
    {
        var content = root.Certificate.RawData.Concat(new byte[] { 0x0D, 0x0A }).ToArray();

        Assert.Equal(root.Thumbprint, Assert.Single(CertificateFileDecoder.Decode(content)).Thumbprint);
    }

    [Fact]
    public void Pem_with_one_certificate_and_text_around_it_gives_the_certificate()
    {
        var text = "Subject: " + root.Subject + "\n" + root.Certificate.ExportCertificatePem() + "\ntrailing comment\n";

        Assert.Equal(root.Thumbprint, Assert.Single(CertificateFileDecoder.Decode(Encoding.ASCII.GetBytes(text))).Thumbprint);
    }

    [Fact]
    public void A_pem_bundle_gives_every_certificate_in_order()
    {
        var bundle = TestPackage.Encode(CertificateEncoding.Pem, root.Certificate, intermediate.Certificate);

        var decoded = CertificateFileDecoder.Decode(bundle);

        Assert.Equal(new[] { root.Thumbprint, intermediate.Thumbprint }, decoded.Select(c => c.Thumbprint));
    }

    [Fact]
    public void Pem_blocks_that_are_not_certificates_are_skipped()
    {
        using var key = ECDsa.Create();
        var text = key.ExportPkcs8PrivateKeyPem() + "\n" + root.Certificate.ExportCertificatePem();

        Assert.Equal(root.Thumbprint, Assert.Single(CertificateFileDecoder.Decode(Encoding.ASCII.GetBytes(text))).Thumbprint);
    }

    public static IEnumerable<object[]> DamagedFiles()
    {
        using var ca = TestCa.Root("Damaged");
        var der = ca.Certificate.RawData;
        var pem = ca.Certificate.ExportCertificatePem();
        using var key = ECDsa.Create();
        yield return new object[] { "empty", Array.Empty<byte>(), "empty" };
        yield return new object[] { "text", Encoding.ASCII.GetBytes("This is the readme of the package."), "neither" };
        yield return new object[] { "truncated DER", der.Take(der.Length / 2).ToArray(), "neither" };
        yield return new object[] { "DER with garbage after it", der.Concat(new byte[] { 1, 2, 3 }).ToArray(), "3 byte(s) after" };
        yield return new object[] { "DER SEQUENCE that is not a certificate", new byte[] { 0x30, 0x03, 0x02, 0x01, 0x05 }, "cannot be decoded" };
        yield return new object[] { "PEM with broken base64", Encoding.ASCII.GetBytes(pem.Replace(pem.Split('\n')[1], "!!!!not-base64!!!!")), "not valid base64" };
        yield return new object[] { "PEM without END line", Encoding.ASCII.GetBytes(pem.Substring(0, pem.IndexOf("-----END", StringComparison.Ordinal))), "no matching END" };
        yield return new object[] { "PEM with only a key", Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()), "without a CERTIFICATE block" };
    }

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void A_damaged_file_is_rejected_with_the_reason(string what, byte[] content, string reason)
    {
        var error = Assert.Throws<InvalidCertificateFileException>(() => CertificateFileDecoder.Decode(content));

        Assert.True(error.Message.Contains(reason, StringComparison.Ordinal), what + ": " + error.Message);
    }

    public static IEnumerable<object[]> DamagedInsideTheDer()
    {
        yield return new object[] { "an inner element longer than the certificate", new byte[] { 0x30, 0x04, 0x30, 0x05, 0x02, 0x01 }, "HTR0073", "longer than the data" };
        yield return new object[] { "an indefinite length inside", new byte[] { 0x30, 0x04, 0x30, 0x80, 0x00, 0x00 }, "HTR0074", "a DER length is indefinite" };
        yield return new object[] { "a SEQUENCE holding an INTEGER", new byte[] { 0x30, 0x03, 0x02, 0x01, 0x05 }, "HTR0028", "expected DER tag 0x30 but found 0x02" };
    }

    [Theory]
    [MemberData(nameof(DamagedInsideTheDer))]
    public void Damage_inside_the_DER_gets_a_localized_reason_and_the_technical_detail_apart(string what, byte[] content, string reasonId, string detail)
    {
        var error = Assert.Throws<InvalidCertificateFileException>(() => CertificateFileDecoder.Decode(content));

        Assert.True(error.Message.Contains(reasonId, StringComparison.Ordinal), what + ": " + error.Message);
        Assert.DoesNotContain(detail, error.Message);
        Assert.DoesNotContain("DER tag", error.Message);
        Assert.Contains(detail, error.Detail);
    }

    [Theory]
    [InlineData(TestKey.EcdsaP256)]
    [InlineData(TestKey.EcdsaP384)]
    [InlineData(TestKey.Rsa2048)]
    public void Self_signed_roots_are_recognised(TestKey key)
    {
        using var ca = TestCa.Root("Self " + key, key);

        Assert.Equal(SelfSignedVerdict.SelfSigned, SelfSignature.Check(ca.Certificate));
    }

    [Fact]
    public void Sha1_rsa_roots_of_older_vendors_are_recognised()
    {
        using var rsa = RSA.Create(2048);
        var name = new System.Security.Cryptography.X509Certificates.X500DistinguishedName("CN=Old Vendor SHA1 Root");
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var sha1Root = request.Create(name, new Sha1RsaSignatureGenerator(rsa), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), new byte[] { 1, 2, 3 });

        Assert.Equal("1.2.840.113549.1.1.5", sha1Root.SignatureAlgorithm.Value);
        Assert.Equal(SelfSignedVerdict.SelfSigned, SelfSignature.Check(sha1Root));
    }

    [Theory]
    [InlineData("SHA384")]
    [InlineData("SHA512")]
    public void Rsa_roots_with_other_hashes_are_recognised(string hash)
    {
        using var ca = TestCa.Root("Self RSA " + hash, TestKey.Rsa2048, new HashAlgorithmName(hash));

        Assert.Equal(SelfSignedVerdict.SelfSigned, SelfSignature.Check(ca.Certificate));
    }

    [Fact]
    public void Rsa_pss_roots_are_recognised()
    {
        using var ca = TestCa.Root("Self PSS", TestKey.Rsa2048, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

        Assert.Equal(SelfSignedVerdict.SelfSigned, SelfSignature.Check(ca.Certificate));
    }

    [Fact]
    public void An_issued_certificate_is_not_a_root()
    {
        Assert.Equal(SelfSignedVerdict.IssuerIsNotSubject, SelfSignature.Check(intermediate.Certificate));
    }

    [Fact]
    public void A_certificate_naming_itself_as_issuer_but_signed_by_another_key_is_not_a_root()
    {
        using var forged = TestCa.SameNameOtherKey("Forged Root");

        Assert.Equal(forged.Subject, forged.Issuer);
        Assert.Equal(SelfSignedVerdict.SignatureNotByOwnKey, SelfSignature.Check(forged));
    }

    [Fact]
    public void A_tampered_root_signature_is_not_a_root()
    {
        var der = (byte[])root.Certificate.RawData.Clone();
        der[^5] ^= 0x01;
        using var tampered = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(der);

        Assert.Equal(SelfSignedVerdict.SignatureNotByOwnKey, SelfSignature.Check(tampered));
    }

    /// <summary>.NET no longer signs certificates with SHA-1, but old TPM vendor roots are sha1RSA.</summary>
    private sealed class Sha1RsaSignatureGenerator : System.Security.Cryptography.X509Certificates.X509SignatureGenerator
    {
        private readonly RSA key;

        public Sha1RsaSignatureGenerator(RSA key)
        {
            this.key = key;
        }

        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
            new byte[] { 0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05, 0x05, 0x00 };

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
            key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);

        protected override System.Security.Cryptography.X509Certificates.PublicKey BuildPublicKey() =>
            System.Security.Cryptography.X509Certificates.X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1).PublicKey;
    }
}
