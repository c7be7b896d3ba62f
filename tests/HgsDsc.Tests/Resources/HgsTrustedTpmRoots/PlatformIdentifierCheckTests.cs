using System.Security.Cryptography.X509Certificates;
using System.Text;
using HgsDsc.Common;
using HgsDsc.Resources.HgsTrustedTpmRoots;
using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>
/// Test-HgsPlatformIdentifier's logic on platform identifier files the tests write, with EK
/// certificates issued by generated vendor intermediates, against real CurrentUser stores. The
/// chain walk is the same on every runtime; the tests also fill the places the platform's chain
/// engine would look (the user's CA store, the EKcert's issuer address) to show they are not used.
/// </summary>
public sealed class PlatformIdentifierCheckTests : IDisposable
{
    private static readonly Version Server2016 = new(10, 0, 14393);
    private static readonly Version Server2019 = new(10, 0, 17763);

    private readonly TestStores stores = new();
    private readonly string folder = Directory.CreateTempSubdirectory("HgsDsc.Tests.PlatformId.").FullName;
    private readonly TestCa vendorRoot = TestCa.Root("Contoso TPM Root CA");
    private readonly TestCa vendorIntermediate;
    private readonly X509Certificate2 ekCertificate;

    public PlatformIdentifierCheckTests()
    {
        vendorIntermediate = vendorRoot.IssueCa("Contoso TPM Manufacturing CA 003");
        ekCertificate = vendorIntermediate.IssueEk();
    }

    public void Dispose()
    {
        stores.Dispose();
        Directory.Delete(folder, recursive: true);
        ekCertificate.Dispose();
        vendorIntermediate.Dispose();
        vendorRoot.Dispose();
    }

    private PlatformIdentifierCheck Check(Version? version = null, ITpmRootStores? through = null) =>
        new(through ?? stores.Stores, version);

    private void InstallVendor()
    {
        stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, vendorIntermediate.Certificate);
    }

    [Fact]
    public void An_EKcert_chaining_to_the_installed_root_and_intermediate_is_trusted()
    {
        InstallVendor();
        var file = PlatformIdentifierXml.Write(folder, "host01", ekCertificate);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Trusted, report.Status);
        Assert.True(report.IsTrusted);
        Assert.True(report.HasEKCert);
        Assert.True(report.HasEKPub);
        Assert.Equal("host01", report.HostName);
        Assert.Equal(ekCertificate.Thumbprint, report.EKCertThumbprint);
        Assert.Equal(vendorIntermediate.Subject, report.EKCertIssuer);
        Assert.Equal(vendorRoot.Subject, report.TrustedRoot);
        Assert.Equal(3, report.Chain.Length);
        Assert.Empty(report.ChainProblems);
        Assert.Contains("HTR0060", report.Message);
        Assert.Equal(new[] { "Add-HgsAttestationTpmHost -Path '" + file + "' -Name 'host01'" }, report.RegisterCommand);
    }

    [Fact]
    public void A_missing_intermediate_names_the_issuer_and_both_stores()
    {
        stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
        var file = PlatformIdentifierXml.Write(folder, "host02", ekCertificate);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.False(report.IsTrusted);
        Assert.Equal(vendorIntermediate.Subject, report.MissingIssuer);
        Assert.Contains("HTR0063", report.Message);
        Assert.Contains("issuer '" + vendorIntermediate.Subject + "'", report.Message);
        Assert.Contains(stores.RootName, report.Message);
        Assert.Contains(stores.IntermediateName, report.Message);
    }

    [Fact]
    public void A_missing_vendor_root_is_named()
    {
        stores.Install(TrustedTpmStore.IntermediateCA, vendorIntermediate.Certificate);
        var file = PlatformIdentifierXml.Write(folder, "host03", ekCertificate);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(vendorRoot.Subject, report.MissingIssuer);
        Assert.Contains("stops at '" + vendorIntermediate.Subject + "'", report.Message);
    }

    [Fact]
    public void A_vendor_root_in_the_intermediate_store_only_is_not_trusted()
    {
        stores.Install(TrustedTpmStore.IntermediateCA, vendorIntermediate.Certificate, vendorRoot.Certificate);
        var file = PlatformIdentifierXml.Write(folder, "host04", ekCertificate);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(vendorRoot.Subject, report.MissingIssuer);
        Assert.Contains("HTR0062", report.Message);
        Assert.Contains(vendorRoot.Thumbprint, report.Message);
    }

    [Fact]
    public void An_EKcert_from_another_vendor_is_not_trusted_by_this_vendor_root()
    {
        InstallVendor();
        using var otherRoot = TestCa.Root("Fabrikam TPM Root");
        using var otherIntermediate = otherRoot.IssueCa("Fabrikam TPM CA");
        using var otherEk = otherIntermediate.IssueEk("FabrikamTpm");
        var file = PlatformIdentifierXml.Write(folder, "host05", otherEk);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(otherIntermediate.Subject, report.MissingIssuer);
    }

    [Fact]
    public void An_expired_intermediate_reaches_the_root_but_is_reported()
    {
        using var expired = vendorRoot.IssueCa("Contoso TPM Manufacturing CA 001", notAfter: DateTimeOffset.UtcNow.AddDays(-30));
        using var oldEk = expired.IssueEk();
        stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, expired.Certificate);
        var file = PlatformIdentifierXml.Write(folder, "host06", oldEk);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(vendorRoot.Subject, report.TrustedRoot);
        Assert.Contains("NotTimeValid", report.ChainProblems);
        Assert.Contains("HTR0061", report.Message);
    }

    [Fact]
    public void An_intermediate_in_another_store_of_the_machine_is_not_used()
    {
        stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
        stores.Install(stores.BystanderName, vendorIntermediate.Certificate);
        var file = PlatformIdentifierXml.Write(folder, "host-other-store", ekCertificate);
        using var machineIntermediates = new X509Store(StoreName.CertificateAuthority, StoreLocation.CurrentUser);
        machineIntermediates.Open(OpenFlags.ReadWrite);
        using var installed = X509CertificateLoader.LoadCertificate(vendorIntermediate.Certificate.RawData);
        machineIntermediates.Add(installed);
        try
        {
            var report = Check().Check(file);

            Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
            Assert.Equal(vendorIntermediate.Subject, report.MissingIssuer);
            Assert.Contains("HTR0063", report.Message);
        }
        finally
        {
            machineIntermediates.Remove(installed);
        }
    }

    [Fact]
    public void An_intermediate_offered_at_the_EKcert_s_issuer_address_is_not_downloaded()
    {
        stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
        using var server = new IssuerServer(vendorIntermediate.Certificate.RawData);
        using var ek = vendorIntermediate.IssueEk(issuerUrl: server.Url);
        var file = PlatformIdentifierXml.Write(folder, "host-aia", ek);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(vendorIntermediate.Subject, report.MissingIssuer);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void An_issuer_with_the_right_name_and_key_identifier_but_another_key_is_rejected()
    {
        using var impostor = TestCa.Impostor(vendorRoot, vendorIntermediate);
        stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, impostor.Certificate);
        var file = PlatformIdentifierXml.Write(folder, "host-impostor", ekCertificate);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(vendorIntermediate.Subject, report.MissingIssuer);
        Assert.Null(report.TrustedRoot);
        Assert.Contains("NotSignatureValid", report.ChainProblems);
        Assert.Contains("HTR0067", report.Message);
        Assert.Contains(impostor.Thumbprint, report.Message);
    }

    [Fact]
    public void The_real_issuer_is_found_beside_an_impostor_of_the_same_name()
    {
        using var impostor = TestCa.Impostor(vendorRoot, vendorIntermediate);
        stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, impostor.Certificate, vendorIntermediate.Certificate);
        var file = PlatformIdentifierXml.Write(folder, "host-impostor-and-real", ekCertificate);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Trusted, report.Status);
        Assert.Equal(3, report.Chain.Length);
    }

    [Fact]
    public void Issuers_that_issue_each_other_end_the_walk_as_a_loop()
    {
        var (a, b) = TestCa.IssuingEachOther("Contoso TPM Loop CA A", "Contoso TPM Loop CA B");
        using (a)
        using (b)
        {
            using var ek = a.IssueEk();
            InstallVendor();
            stores.Install(TrustedTpmStore.IntermediateCA, a.Certificate, b.Certificate);
            var file = PlatformIdentifierXml.Write(folder, "host-loop", ek);

            var report = Check().Check(file);

            Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
            Assert.Contains("Cyclic", report.ChainProblems);
            Assert.Contains("HTR0068", report.Message);
            Assert.Equal(new[] { ek.Thumbprint, a.Subject, b.Subject }, report.Chain);
        }
    }

    [Fact]
    public void A_loop_beside_the_way_to_the_root_does_not_hide_it()
    {
        var (a, b) = TestCa.IssuingEachOther("Contoso TPM Loop CA A", "Contoso TPM Loop CA B");
        using (a)
        using (b)
        {
            using var aUnderRoot = vendorRoot.Certify(a);
            using var ek = a.IssueEk();
            stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
            stores.Install(TrustedTpmStore.IntermediateCA, a.Certificate, b.Certificate, aUnderRoot);
            var file = PlatformIdentifierXml.Write(folder, "host-loop-exit", ek);

            var report = Check().Check(file);

            Assert.Equal(PlatformIdentifierStatus.Trusted, report.Status);
            Assert.Equal(vendorRoot.Subject, report.TrustedRoot);
        }
    }

    [Theory]
    [InlineData(6, PlatformIdentifierStatus.Trusted)]
    [InlineData(7, PlatformIdentifierStatus.Untrusted)]
    public void A_chain_longer_than_eight_certificates_is_not_followed(int intermediates, PlatformIdentifierStatus expected)
    {
        var chain = new List<TestCa> { vendorRoot };
        try
        {
            for (var i = 1; i <= intermediates; i++)
            {
                chain.Add(chain[^1].IssueCa("Contoso TPM Level " + i + " CA"));
            }

            using var ek = chain[^1].IssueEk();
            stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
            stores.Install(TrustedTpmStore.IntermediateCA, chain.Skip(1).Select(c => c.Certificate).ToArray());
            var file = PlatformIdentifierXml.Write(folder, "host-deep-" + intermediates, ek);

            var report = Check().Check(file);

            Assert.Equal(expected, report.Status);
            Assert.Equal(8, report.Chain.Length);
            if (expected == PlatformIdentifierStatus.Untrusted)
            {
                Assert.Contains("ChainTooLong", report.ChainProblems);
                Assert.Contains("HTR0069", report.Message);
                Assert.Null(report.TrustedRoot);
            }
        }
        finally
        {
            foreach (var ca in chain.Skip(1))
            {
                ca.Dispose();
            }
        }
    }

    [Fact]
    public void An_issuer_that_is_not_a_certificate_authority_is_reported()
    {
        using var notACa = vendorRoot.IssueCa("Contoso TPM Device Certificate", certificateAuthority: false);
        using var ek = notACa.IssueEk();
        stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, notACa.Certificate);
        var file = PlatformIdentifierXml.Write(folder, "host-not-ca", ek);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(vendorRoot.Subject, report.TrustedRoot);
        Assert.Equal(new[] { "InvalidBasicConstraints" }, report.ChainProblems);
        Assert.Contains("HTR0072", report.Message);
    }

    [Fact]
    public void A_signature_algorithm_that_cannot_be_verified_is_said_so()
    {
        InstallVendor();
        using var ek = vendorIntermediate.IssueEkSignedWithSm2();
        var file = PlatformIdentifierXml.Write(folder, "host-sm2", ek);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(new[] { "UnsupportedSignatureAlgorithm" }, report.ChainProblems);
        Assert.Contains("HTR0070", report.Message);
        Assert.Contains("1.2.156.10197.1.501", report.Message);
    }

    [Fact]
    public void An_expired_root_is_reported_like_an_expired_intermediate()
    {
        using var expiredRoot = TestCa.Root("Contoso TPM Root CA 2005", notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        using var intermediate = expiredRoot.IssueCa("Contoso TPM Manufacturing CA 2005");
        using var oldEk = intermediate.IssueEk();
        stores.Install(TrustedTpmStore.RootCA, expiredRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, intermediate.Certificate);
        var file = PlatformIdentifierXml.Write(folder, "host-expired-root", oldEk);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(new[] { "NotTimeValid" }, report.ChainProblems);
        Assert.Contains("'" + expiredRoot.Subject + "' is valid only from", report.Message);
    }

    [Fact]
    public void A_forged_EKcert_is_not_trusted()
    {
        InstallVendor();
        var forgedBytes = (byte[])ekCertificate.RawData.Clone();
        forgedBytes[^3] ^= 0x40;
        var file = PlatformIdentifierXml.Write(folder, "host07", ekCertificate, rawEkCert: Convert.ToBase64String(forgedBytes));

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
        Assert.Equal(vendorIntermediate.Subject, report.MissingIssuer);
        Assert.Contains("HTR0067", report.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_an_EKcert_the_guide_s_first_case_is_explained(string? element)
    {
        var file = PlatformIdentifierXml.Write(folder, "host08", null, element);

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.NoEKCert, report.Status);
        Assert.False(report.HasEKCert);
        Assert.True(report.HasEKPub);
        Assert.Contains("elevated", report.Message);
        Assert.Contains("confirm with the OEM", report.Message);
        Assert.Contains("-Force", report.Message);
        Assert.Contains("-PolicyVersion v1", report.Message);
        Assert.Equal(2, report.RegisterCommand.Length);
        Assert.StartsWith("On Windows Server 2016: Add-HgsAttestationTpmHost -Path '" + file + "' -Name 'host08' -Force (", report.RegisterCommand[0]);
        Assert.Contains("-Force -PolicyVersion v1", report.RegisterCommand[1]);
    }

    [Fact]
    public void Without_an_EKcert_the_command_fits_the_HGS_node_version()
    {
        var file = PlatformIdentifierXml.Write(folder, "host09", null, null);

        Assert.Equal(new[] { "Add-HgsAttestationTpmHost -Path '" + file + "' -Name 'host09' -Force" }, Check(version: Server2016).Check(file).RegisterCommand);
        Assert.Equal(new[] { "Add-HgsAttestationTpmHost -Path '" + file + "' -Name 'host09' -Force -PolicyVersion v1" }, Check(version: Server2019).Check(file).RegisterCommand);
    }

    [Theory]
    [InlineData("EndorsementKeyCertificate")]
    [InlineData("TpmEkCertificateBlob")]
    public void The_EKcert_is_found_under_other_element_names(string element)
    {
        InstallVendor();
        var file = PlatformIdentifierXml.Write(folder, "host10", ekCertificate, element);

        Assert.Equal(PlatformIdentifierStatus.Trusted, Check().Check(file).Status);
    }

    [Fact]
    public void A_PEM_EKcert_and_a_UTF16_file_are_read()
    {
        InstallVendor();
        var file = PlatformIdentifierXml.Write(folder, "host11", ekCertificate, encoding: Encoding.Unicode, rawEkCert: ekCertificate.ExportCertificatePem());

        Assert.Equal(PlatformIdentifierStatus.Trusted, Check().Check(file).Status);
    }

    [Fact]
    public void A_broken_EKcert_is_reported()
    {
        var file = PlatformIdentifierXml.Write(folder, "host12", ekCertificate, rawEkCert: "AAAA");

        var report = Check().Check(file);

        Assert.Equal(PlatformIdentifierStatus.InvalidEKCert, report.Status);
        Assert.Contains("HTR0059", report.Message);
    }

    [Fact]
    public void An_EKcert_that_is_not_base64_is_explained_from_the_strings_file()
    {
        var file = PlatformIdentifierXml.Write(folder, "host13", ekCertificate, rawEkCert: "not*base64*at*all");
        var log = new RecordingLog();

        var report = new PlatformIdentifierCheck(stores.Stores, null, log).Check(file);

        Assert.Equal(PlatformIdentifierStatus.InvalidEKCert, report.Status);
        Assert.Contains("HTR0077", report.Message);
        Assert.DoesNotContain("Base-64", report.Message);
        Assert.Contains(log.Verbose, m => m.Contains("HTR0076") && m.Contains("Base-64"));
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        var error = Assert.Throws<HgsDscException>(() => Check().Check(Path.Combine(folder, "nope.xml")));

        Assert.Equal("PlatformIdentifierNotFound", error.ErrorId);
    }

    [Fact]
    public void A_file_that_is_not_XML_is_an_error()
    {
        var file = Path.Combine(folder, "host.xml");
        File.WriteAllText(file, "EKpub: AAAA");

        var error = Assert.Throws<HgsDscException>(() => Check().Check(file));

        Assert.Equal("PlatformIdentifierNotXml", error.ErrorId);
        Assert.Contains("Get-PlatformIdentifier", error.Message);
    }

    [Fact]
    public void XML_that_is_not_a_platform_identifier_is_an_error()
    {
        var file = Path.Combine(folder, "policy.xml");
        File.WriteAllText(file, "<SiPolicy><EKCert>AAAA</EKCert></SiPolicy>");

        var error = Assert.Throws<HgsDscException>(() => Check().Check(file));

        Assert.Equal("PlatformIdentifierWrongRoot", error.ErrorId);
        Assert.Contains("'SiPolicy'", error.Message);
    }

    [Fact]
    public void A_document_type_definition_is_refused()
    {
        var file = Path.Combine(folder, "dtd.xml");
        File.WriteAllText(file, "<!DOCTYPE PlatformIdentifiers [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><PlatformIdentifiers>&x;</PlatformIdentifiers>");

        var error = Assert.Throws<HgsDscException>(() => Check().Check(file));

        Assert.Equal("PlatformIdentifierNotXml", error.ErrorId);
    }

    [Fact]
    public void Many_files_read_the_stores_once()
    {
        InstallVendor();
        var counting = new CountingStores(stores.Stores);
        var check = Check(through: counting);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(check.Check(PlatformIdentifierXml.Write(folder, "host-many-" + i, ekCertificate)).IsTrusted);
        }

        Assert.Equal(1, counting.Reads[TrustedTpmStore.RootCA]);
        Assert.Equal(1, counting.Reads[TrustedTpmStore.IntermediateCA]);
    }
}
