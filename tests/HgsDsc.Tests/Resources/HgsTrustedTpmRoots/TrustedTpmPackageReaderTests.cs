using HgsDsc.Common;
using HgsDsc.Resources.HgsTrustedTpmRoots;
using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>Reading and validating package trees that the tests build on disk.</summary>
public sealed class TrustedTpmPackageReaderTests : IDisposable
{
    private readonly TestPackage package = new();
    private readonly RecordingLog log = new();
    private readonly TestCa intelRoot = TestCa.Root("Intel Test Root");
    private readonly TestCa intelIntermediate;
    private readonly TestCa amdRoot = TestCa.Root("AMD Test Root", TestKey.Rsa2048);

    public TrustedTpmPackageReaderTests()
    {
        intelIntermediate = intelRoot.IssueCa("Intel Test Intermediate");
    }

    public void Dispose()
    {
        package.Dispose();
        intelIntermediate.Dispose();
        intelRoot.Dispose();
        amdRoot.Dispose();
    }

    private TrustedTpmPackageReader Reader(ICabinetExtractor? extractor = null) => new(extractor ?? new ExpandExeCabinetExtractor(), log);

    [Fact]
    public void Reads_every_vendor_and_certificate_in_DER_and_PEM()
    {
        package.AddRoot("Intel", intelRoot.Certificate, CertificateEncoding.Der);
        package.AddIntermediate("Intel", intelIntermediate.Certificate, CertificateEncoding.Pem);
        package.AddRoot("AMD", amdRoot.Certificate, CertificateEncoding.Pem, "amd.der");

        var read = Reader().Read(package.Root);

        Assert.Equal(new[] { "AMD", "Intel" }, read.Vendors);
        Assert.Equal(3, read.Certificates.Count);
        var intermediate = Assert.Single(read.Certificates, c => c.Store == TrustedTpmStore.IntermediateCA);
        Assert.Equal("Intel", intermediate.Vendor);
        Assert.Equal(intelIntermediate.Thumbprint, intermediate.Thumbprint);
        Assert.Equal(Path.Combine("Intel", "IntermediateCA", "Intel_Test_Intermediate.crt"), intermediate.RelativePath);
        Assert.All(read.Certificates.Where(c => c.Store == TrustedTpmStore.RootCA), c => Assert.Equal(c.Subject, c.Certificate.Issuer));
    }

    [Fact]
    public void A_pem_bundle_in_a_RootCA_folder_adds_every_root_it_holds()
    {
        using var second = TestCa.Root("Intel Second Root");
        package.AddFile(Path.Combine("Intel", "RootCA", "bundle.crt"), TestPackage.Encode(CertificateEncoding.Pem, intelRoot.Certificate, second.Certificate));

        var read = Reader().Read(package.Root);

        Assert.Equal(new[] { intelRoot.Thumbprint, second.Thumbprint }.Order(), read.Certificates.Select(c => c.Thumbprint).Order());
    }

    [Fact]
    public void Stray_files_and_folders_are_ignored_with_a_verbose_note()
    {
        package.AddRoot("Intel", intelRoot.Certificate);
        package.AddFile(Path.Combine("Intel", "RootCA", "readme.txt"), "read me"u8.ToArray());
        package.AddFile(Path.Combine("Intel", "notes.txt"), "notes"u8.ToArray());
        package.AddFile(Path.Combine("Docs", "index.html"), "<html/>"u8.ToArray());

        var read = Reader().Read(package.Root);

        Assert.Single(read.Certificates);
        Assert.Equal(new[] { "Intel" }, read.Vendors);
        Assert.Contains(log.Verbose, m => m.Contains("setup.ps1") && m.Contains("HTR0014"));
        Assert.Contains(log.Verbose, m => m.Contains(Path.Combine("Intel", "RootCA", "readme.txt")) && m.Contains("HTR0014"));
        Assert.Contains(log.Verbose, m => m.Contains(Path.Combine("Intel", "notes.txt")));
        Assert.Contains(log.Verbose, m => m.Contains("'Docs'") && m.Contains("HTR0015"));
        Assert.Contains(log.Verbose, m => m.Contains("1.0.0.42"));
    }

    [Fact]
    public void A_vendor_folder_with_only_IntermediateCA_is_a_vendor()
    {
        package.AddIntermediate("Microsoft", intelIntermediate.Certificate);

        var read = Reader().Read(package.Root);

        Assert.Equal(new[] { "Microsoft" }, read.Vendors);
    }

    [Fact]
    public void The_same_certificate_twice_in_one_folder_counts_once()
    {
        package.AddRoot("Intel", intelRoot.Certificate, CertificateEncoding.Der, "root.cer");
        package.AddRoot("Intel", intelRoot.Certificate, CertificateEncoding.Pem, "root.crt");

        var read = Reader().Read(package.Root);

        Assert.Single(read.Certificates);
        Assert.Contains(log.Verbose, m => m.Contains("HTR0017"));
    }

    [Fact]
    public void A_corrupt_file_is_an_error_naming_the_file()
    {
        package.AddRoot("Intel", intelRoot.Certificate);
        package.AddFile(Path.Combine("Intel", "IntermediateCA", "broken.cer"), intelIntermediate.Certificate.RawData.Take(100).ToArray());

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader().Read(package.Root));

        Assert.Equal("Path", error.PropertyName);
        Assert.Contains(Path.Combine("Intel", "IntermediateCA", "broken.cer"), error.Message);
        Assert.Contains(package.Root, error.Message);
        Assert.Contains("HTR0019", error.Message);
    }

    [Fact]
    public void A_corrupt_file_gets_a_reason_from_the_strings_file_and_the_technical_detail_only_in_Verbose()
    {
        package.AddRoot("Intel", intelRoot.Certificate);
        package.AddFile(Path.Combine("Intel", "IntermediateCA", "inner.cer"), new byte[] { 0x30, 0x04, 0x30, 0x05, 0x02, 0x01 });

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader().Read(package.Root));

        Assert.Contains("HTR0019", error.Message);
        Assert.Contains("it is cut short", error.Message);
        Assert.DoesNotContain("DER", error.Message);
        Assert.Contains(log.Verbose, m => m.Contains("HTR0076") && m.Contains(Path.Combine("Intel", "IntermediateCA", "inner.cer")) && m.Contains("a DER element is longer than the data that holds it"));
    }

    [Fact]
    public void An_intermediate_in_a_RootCA_folder_is_an_error_naming_the_file_and_the_issuer()
    {
        package.AddRoot("Intel", intelIntermediate.Certificate, CertificateEncoding.Der, "not-a-root.cer");

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader().Read(package.Root));

        Assert.Contains(Path.Combine("Intel", "RootCA", "not-a-root.cer"), error.Message);
        Assert.Contains(intelIntermediate.Thumbprint, error.Message);
        Assert.Contains("issuer '" + intelRoot.Subject + "' is not its subject", error.Message);
    }

    [Fact]
    public void A_root_signed_by_another_key_is_an_error_naming_the_file()
    {
        using var forged = TestCa.SameNameOtherKey("Intel Forged Root");
        package.AddRoot("Intel", forged, CertificateEncoding.Pem, "forged.crt");

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader().Read(package.Root));

        Assert.Contains(Path.Combine("Intel", "RootCA", "forged.crt"), error.Message);
        Assert.Contains("does not verify with its own public key", error.Message);
    }

    [Fact]
    public void A_bad_file_in_a_vendor_that_is_not_chosen_still_stops_the_package()
    {
        package.AddRoot("Intel", intelRoot.Certificate);
        package.AddFile(Path.Combine("AMD", "RootCA", "bad.der"), "junk"u8.ToArray());

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader().Read(package.Root));

        Assert.Contains(Path.Combine("AMD", "RootCA", "bad.der"), error.Message);
    }

    [Fact]
    public void A_folder_without_vendor_folders_is_not_a_package()
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader().Read(package.Root));

        Assert.Contains("HTR0012", error.Message);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_clear_error()
    {
        var missing = Path.Combine(package.Root, "nowhere");

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader().Read(missing));

        Assert.Equal(missing, error.Value);
        Assert.Contains("HTR0001", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_cab_is_a_clear_error()
    {
        var file = package.AddFile("package.zip", new byte[] { 1 });

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader().Read(file));

        Assert.Contains("HTR0002", error.Message);
    }

    [Fact]
    public void A_cab_where_it_cannot_be_expanded_is_a_clear_error_with_the_reason()
    {
        var cab = package.AddFile("TrustedTpm.cab", new byte[] { 0x4D, 0x53, 0x43, 0x46 });
        var extractor = new CopyingExtractor(package.Root, wrapInFolder: false) { Unavailable = "no expand.exe here." };

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader(extractor).Read(cab));

        Assert.Contains("HTR0003", error.Message);
        Assert.Contains("no expand.exe here.", error.Message);
        Assert.Null(extractor.Destination);
    }

    [Fact]
    public void Expand_exe_is_available_exactly_on_Windows()
    {
        var why = new ExpandExeCabinetExtractor().WhyUnavailable();

        if (Platform.IsWindows)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains("expand.exe exists only on Windows", why);
        }
    }

    [Fact]
    public void A_cab_is_expanded_into_a_temporary_folder_that_is_removed_afterwards()
    {
        package.AddRoot("Intel", intelRoot.Certificate);
        var cab = package.AddFile("TrustedTpm.cab", new byte[] { 0x4D, 0x53, 0x43, 0x46 });
        var extractor = new CopyingExtractor(package.Root, wrapInFolder: true);

        var read = Reader(extractor).Read(cab);

        Assert.Equal(cab, read.Source);
        Assert.Equal(new[] { "Intel" }, read.Vendors);
        Assert.Equal(intelRoot.Thumbprint, Assert.Single(read.Certificates).Thumbprint);
        Assert.NotNull(extractor.Destination);
        Assert.False(Directory.Exists(extractor.Destination));
        Assert.Contains(log.Verbose, m => m.Contains("HTR0010"));
    }

    [Fact]
    public void A_bad_cab_is_reported_naming_the_cab_and_the_temporary_folder_is_still_removed()
    {
        package.AddFile(Path.Combine("Intel", "RootCA", "bad.cer"), "junk"u8.ToArray());
        var cab = package.AddFile("TrustedTpm.cab", new byte[] { 0x4D, 0x53, 0x43, 0x46 });
        var extractor = new CopyingExtractor(package.Root, wrapInFolder: false);

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader(extractor).Read(cab));

        Assert.Contains(cab, error.Message);
        Assert.Contains(Path.Combine("Intel", "RootCA", "bad.cer"), error.Message);
        Assert.False(Directory.Exists(extractor.Destination));
    }

    [Fact]
    public void A_failing_expansion_is_a_clear_error()
    {
        var cab = package.AddFile("TrustedTpm.cab", new byte[] { 0x4D, 0x53, 0x43, 0x46 });
        var extractor = new CopyingExtractor(package.Root, wrapInFolder: false) { Failure = "expand.exe failed with exit code 1" };

        var error = Assert.Throws<InvalidPropertyValueException>(() => Reader(extractor).Read(cab));

        Assert.Contains("HTR0006", error.Message);
        Assert.Contains("exit code 1", error.Message);
        Assert.False(Directory.Exists(extractor.Destination));
    }
}
