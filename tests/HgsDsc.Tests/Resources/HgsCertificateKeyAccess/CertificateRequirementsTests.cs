using System.Security.Cryptography.X509Certificates;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>The guide's certificate requirements, on real certificates made with CertificateRequest.</summary>
public sealed class CertificateRequirementsTests
{
    private static readonly CertificateType[] SigningAndEncryption = { CertificateType.Signing, CertificateType.Encryption };

    private static IReadOnlyList<UnmetRequirement> Check(X509Certificate2 certificate, params CertificateType[] uses) =>
        CertificateRequirements.Check(certificate, uses, TestCertificates.Now);

    private static CertificateRequirement[] Unmet(X509Certificate2 certificate, params CertificateType[] uses) =>
        Check(certificate, uses).Select(u => u.Requirement).ToArray();

    [Theory]
    [InlineData(2048)]
    [InlineData(3072)]
    [InlineData(4096)]
    public void An_RSA_certificate_of_2048_bits_or_more_with_the_ADCS_template_usage_meets_every_requirement(int bits)
    {
        using var certificate = TestCertificates.Rsa(bits);

        Assert.Empty(Check(certificate, SigningAndEncryption));
        Assert.Empty(Check(certificate, CertificateType.Communications));
    }

    [Fact]
    public void An_RSA_key_of_1024_bits_is_too_small_and_the_size_is_reported()
    {
        using var certificate = TestCertificates.Rsa(1024);

        var unmet = Assert.Single(Check(certificate, CertificateType.Signing));
        Assert.Equal(CertificateRequirement.KeySize, unmet.Requirement);
        Assert.Equal(1024, unmet.Found);
    }

    [Fact]
    public void An_ECDSA_certificate_is_not_RSA_and_the_algorithm_is_named()
    {
        using var certificate = TestCertificates.Ecdsa();

        var unmet = Assert.Single(Check(certificate, CertificateType.Signing));
        Assert.Equal(CertificateRequirement.RsaKey, unmet.Requirement);
        Assert.Contains("1.2.840.10045.2.1", (string)unmet.Found!);
    }

    [Theory]
    [InlineData(X509KeyUsageFlags.DigitalSignature, CertificateType.Signing, true)]
    [InlineData(X509KeyUsageFlags.KeyEncipherment, CertificateType.Signing, false)]
    [InlineData(X509KeyUsageFlags.DataEncipherment, CertificateType.Signing, false)]
    [InlineData(X509KeyUsageFlags.NonRepudiation, CertificateType.Signing, false)]
    [InlineData(X509KeyUsageFlags.DataEncipherment, CertificateType.Encryption, true)]
    [InlineData(X509KeyUsageFlags.KeyEncipherment, CertificateType.Encryption, true)]
    [InlineData(X509KeyUsageFlags.DigitalSignature, CertificateType.Encryption, false)]
    [InlineData(X509KeyUsageFlags.KeyAgreement, CertificateType.Encryption, false)]
    [InlineData(X509KeyUsageFlags.DataEncipherment, CertificateType.Communications, true)]
    [InlineData(X509KeyUsageFlags.KeyEncipherment, CertificateType.Communications, true)]
    [InlineData(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, CertificateType.Communications, true)] // SafeNet's 0xa0
    [InlineData(X509KeyUsageFlags.DataEncipherment | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.EncipherOnly, CertificateType.Communications, true)] // Utimaco's 0x13
    [InlineData(X509KeyUsageFlags.DigitalSignature, CertificateType.Communications, false)]
    [InlineData(X509KeyUsageFlags.CrlSign, CertificateType.Communications, false)]
    public void Each_key_usage_is_checked_against_what_the_certificate_is_used_for(X509KeyUsageFlags usage, CertificateType use, bool meets)
    {
        using var certificate = TestCertificates.Rsa(usage: usage);

        var unmet = Unmet(certificate, use);

        Assert.Equal(meets, unmet.Length == 0);
        if (!meets)
        {
            var expected = use switch
            {
                CertificateType.Signing => CertificateRequirement.SigningKeyUsage,
                CertificateType.Encryption => CertificateRequirement.EncryptionKeyUsage,
                _ => CertificateRequirement.CommunicationsKeyUsage,
            };
            Assert.Equal(expected, Assert.Single(Check(certificate, use)).Requirement);
            Assert.Equal(usage, Check(certificate, use)[0].Found);
        }
    }

    [Fact]
    public void The_SafeNet_key_usage_0xa0_serves_signing_and_encryption()
    {
        using var certificate = TestCertificates.Rsa(usage: (X509KeyUsageFlags)0xA0);

        Assert.Empty(Check(certificate, SigningAndEncryption));
    }

    [Fact]
    public void Key_usage_0x13_read_as_an_X509_key_usage_serves_encryption_but_not_signing()
    {
        using var certificate = TestCertificates.Rsa(usage: (X509KeyUsageFlags)0x13);

        Assert.Equal(new[] { CertificateRequirement.SigningKeyUsage }, Unmet(certificate, SigningAndEncryption));
    }

    [Fact]
    public void A_certificate_without_a_key_usage_extension_allows_every_usage()
    {
        using var certificate = TestCertificates.Rsa(usage: null);

        Assert.Null(CertificateRequirements.KeyUsage(certificate));
        Assert.Empty(Check(certificate, SigningAndEncryption));
    }

    [Fact]
    public void An_expired_certificate_is_reported_with_its_end_date()
    {
        var end = TestCertificates.Now.AddDays(-1);
        using var certificate = TestCertificates.Rsa(notBefore: end.AddYears(-1), notAfter: end);

        var unmet = Assert.Single(Check(certificate, CertificateType.Encryption));
        Assert.Equal(CertificateRequirement.Expired, unmet.Requirement);
        Assert.Equal(end, ((DateTime)unmet.Found!), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_certificate_that_is_not_yet_valid_is_reported_with_its_start_date()
    {
        var start = TestCertificates.Now.AddHours(3);
        using var certificate = TestCertificates.Rsa(notBefore: start, notAfter: start.AddYears(1));

        var unmet = Assert.Single(Check(certificate, CertificateType.Signing));
        Assert.Equal(CertificateRequirement.NotYetValid, unmet.Requirement);
        Assert.Equal(start, ((DateTime)unmet.Found!), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_reported()
    {
        using var full = TestCertificates.Rsa();
        using var publicOnly = TestCertificates.PublicOnly(full);

        Assert.Equal(new[] { CertificateRequirement.PrivateKeyPresent }, Unmet(publicOnly, SigningAndEncryption));
    }

    [Fact]
    public void Every_unmet_requirement_is_listed_not_just_the_first()
    {
        var end = TestCertificates.Now.AddDays(-10);
        using var full = TestCertificates.Rsa(1024, X509KeyUsageFlags.CrlSign, end.AddYears(-1), end);
        using var certificate = TestCertificates.PublicOnly(full);

        Assert.Equal(
            new[]
            {
                CertificateRequirement.PrivateKeyPresent, CertificateRequirement.KeySize, CertificateRequirement.SigningKeyUsage,
                CertificateRequirement.EncryptionKeyUsage, CertificateRequirement.Expired,
            },
            Unmet(certificate, SigningAndEncryption));
    }

    [Fact]
    public void A_certificate_whose_use_is_unknown_is_checked_for_everything_but_key_usage()
    {
        using var certificate = TestCertificates.Rsa(usage: X509KeyUsageFlags.CrlSign);

        Assert.Empty(Check(certificate));
    }
}
