using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
using HgsDsc.Resources.HgsTrustedTpmRoots;
using HgsDsc.Tests.Infrastructure;
using Xunit;
using Resource = HgsDsc.Resources.HgsTrustedTpmRoots.HgsTrustedTpmRoots;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>
/// The resource end to end against a package tree on disk and real (CurrentUser, uniquely
/// named) certificate stores: what Get reports, what Set installs and removes, and that a bad
/// package or a failing store leaves the node no worse.
/// </summary>
public sealed class HgsTrustedTpmRootsTests : IDisposable
{
    private readonly TestPackage package = new();
    private readonly TestStores stores = new();
    private readonly RecordingLog log = new();
    private readonly TestCa intelRoot = TestCa.Root("Intel Test Root");
    private readonly TestCa intelIntermediate;
    private readonly TestCa infineonRoot = TestCa.Root("Infineon Test Root", TestKey.Rsa2048);
    private readonly TestCa infineonIntermediate;
    private readonly TestCa amdRoot = TestCa.Root("AMD Test Root");

    public HgsTrustedTpmRootsTests()
    {
        intelIntermediate = intelRoot.IssueCa("Intel Test Intermediate");
        infineonIntermediate = infineonRoot.IssueCa("Infineon Test Intermediate");
        package.AddRoot("Intel", intelRoot.Certificate, CertificateEncoding.Der);
        package.AddIntermediate("Intel", intelIntermediate.Certificate, CertificateEncoding.Pem);
        package.AddRoot("Infineon", infineonRoot.Certificate, CertificateEncoding.Pem);
        package.AddIntermediate("Infineon", infineonIntermediate.Certificate, CertificateEncoding.Der);
        package.AddRoot("AMD", amdRoot.Certificate, CertificateEncoding.Der);
        package.AddFile(Path.Combine("AMD", "IntermediateCA", "readme.txt"), "no intermediates"u8.ToArray());
    }

    public void Dispose()
    {
        stores.Dispose();
        package.Dispose();
        foreach (var ca in new[] { intelIntermediate, intelRoot, infineonIntermediate, infineonRoot, amdRoot })
        {
            ca.Dispose();
        }
    }

    private Resource Desired(string[]? vendor = null, bool? purge = null, ITpmRootStores? through = null, ICabinetExtractor? extractor = null, string? path = null)
    {
        var resource = new Resource(through ?? stores.Stores, extractor) { Path = path ?? package.Root, Vendor = vendor, Purge = purge };
        resource.AttachLog(log);
        return resource;
    }

    private HashSet<string> Roots => stores.Thumbprints(TrustedTpmStore.RootCA);

    private HashSet<string> Intermediates => stores.Thumbprints(TrustedTpmStore.IntermediateCA);

    [Fact]
    public void Get_on_a_node_without_the_stores_reports_everything_missing_per_vendor_and_store()
    {
        var state = Desired().Get();

        Assert.Equal(package.Root, state.Path);
        Assert.Equal(0, state.RootCACount);
        Assert.Equal(0, state.IntermediateCACount);
        Assert.Equal(5, state.MissingCount);
        Assert.Equal(0, state.ExtraCount);
        Assert.Equal(new[] { "AMD", "Infineon", "Intel" }, state.Vendor);
        Assert.Equal(
            new[]
            {
                "AMD: 0 of 1 root(s) and 0 of 0 intermediate(s) installed. (HTR0053)",
                "Infineon: 0 of 1 root(s) and 0 of 1 intermediate(s) installed. (HTR0053)",
                "Intel: 0 of 1 root(s) and 0 of 1 intermediate(s) installed. (HTR0053)",
            },
            state.VendorCounts);
        Assert.Equal(5, state.Reasons!.Length);
        Assert.All(state.Reasons, r => Assert.Equal("HgsTrustedTpmRoots:HgsTrustedTpmRoots:Path", r.Code));
        var intelIntermediateReason = Assert.Single(state.Reasons, r => r.Phrase!.StartsWith("Intel:") && r.Phrase.Contains("_IntermediateCA"));
        Assert.Contains(intelIntermediate.Subject, intelIntermediateReason.Phrase);
        Assert.Contains(intelIntermediate.Thumbprint, intelIntermediateReason.Phrase);
        Assert.Contains("does not exist yet and will be created", intelIntermediateReason.Phrase);
        Assert.Contains("Add-HgsAttestationTpmHost", intelIntermediateReason.Phrase);
    }

    [Fact]
    public void Get_and_Test_never_create_or_change_a_store()
    {
        Desired(purge: true).Get();
        Assert.False(Desired(purge: true).Test());

        Assert.False(stores.Exists(TrustedTpmStore.RootCA));
        Assert.False(stores.Exists(TrustedTpmStore.IntermediateCA));
    }

    [Fact]
    public void Set_creates_the_stores_and_installs_roots_and_intermediates_where_they_belong()
    {
        Desired().Set();

        Assert.Equal(new[] { intelRoot.Thumbprint, infineonRoot.Thumbprint, amdRoot.Thumbprint }.ToHashSet(), Roots);
        Assert.Equal(new[] { intelIntermediate.Thumbprint, infineonIntermediate.Thumbprint }.ToHashSet(), Intermediates);
        Assert.True(Desired().Test());
        var state = Desired().Get();
        Assert.Empty(state.Reasons!);
        Assert.Equal(3, state.RootCACount);
        Assert.Equal(2, state.IntermediateCACount);
        Assert.Equal(0, state.MissingCount);
    }

    [Fact]
    public void Set_is_idempotent()
    {
        Desired().Set();
        var counting = new CountingStores(stores.Stores);

        Desired(through: counting).Set();

        Assert.Equal(0, counting.Opened);
        Assert.Contains(log.Verbose, m => m.Contains("HGS0004"));
        Assert.Equal(3, Roots.Count);
        Assert.Equal(2, Intermediates.Count);
    }

    [Fact]
    public void Test_reads_each_store_once_however_many_certificates()
    {
        Desired().Set();
        var counting = new CountingStores(stores.Stores);

        Assert.True(Desired(through: counting).Test());

        Assert.Equal(new Dictionary<TrustedTpmStore, int> { [TrustedTpmStore.RootCA] = 1, [TrustedTpmStore.IntermediateCA] = 1 }, counting.Reads);
        Assert.Equal(0, counting.Opened);
    }

    [Fact]
    public void Set_adds_only_what_is_missing()
    {
        stores.Install(TrustedTpmStore.RootCA, intelRoot.Certificate);
        var counting = new CountingStores(stores.Stores);

        Desired(through: counting).Set();

        Assert.Equal(4, counting.Added.Count);
        Assert.DoesNotContain(intelRoot.Thumbprint, counting.Added);
        Assert.Equal(3, Roots.Count);
    }

    [Fact]
    public void Vendor_limits_the_resource_to_those_vendor_folders()
    {
        Desired(new[] { "intel" }).Set();

        Assert.Equal(new[] { intelRoot.Thumbprint }.ToHashSet(), Roots);
        Assert.Equal(new[] { intelIntermediate.Thumbprint }.ToHashSet(), Intermediates);
        var state = Desired(new[] { "Intel" }).Get();
        Assert.Equal(new[] { "Intel" }, state.Vendor);
        Assert.Equal(new[] { "Intel: 1 of 1 root(s) and 1 of 1 intermediate(s) installed. (HTR0053)" }, state.VendorCounts);
        Assert.True(Desired(new[] { "INTEL", "Intel" }).Test());
        Assert.False(Desired(new[] { "Intel", "AMD" }).Test());
    }

    [Fact]
    public void An_unknown_vendor_is_an_error_listing_the_vendors_present()
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(new[] { "Intel", "Nuvotom" }).Set());

        Assert.Equal("Vendor", error.PropertyName);
        Assert.Contains("'Nuvotom'", error.Message);
        Assert.Contains("AMD, Infineon, Intel", error.Message);
        Assert.False(stores.Exists(TrustedTpmStore.RootCA));
    }

    [Fact]
    public void An_empty_vendor_name_is_an_error()
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(new[] { " " }).Test());

        Assert.Equal("Vendor", error.PropertyName);
    }

    [Fact]
    public void A_missing_path_is_rejected_before_anything_is_read()
    {
        var resource = new Resource(stores.Stores) { Path = " " };

        var error = Assert.Throws<InvalidPropertyValueException>(() => resource.Test());

        Assert.Equal("Path", error.PropertyName);
    }

    [Fact]
    public void A_package_with_a_corrupt_file_changes_nothing()
    {
        stores.Install(TrustedTpmStore.RootCA, intelRoot.Certificate);
        package.AddFile(Path.Combine("Infineon", "IntermediateCA", "truncated.cer"), infineonIntermediate.Certificate.RawData.Take(40).ToArray());
        var counting = new CountingStores(stores.Stores);

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(purge: true, through: counting).Set());

        Assert.Contains(Path.Combine("Infineon", "IntermediateCA", "truncated.cer"), error.Message);
        Assert.Equal(0, counting.Opened);
        Assert.Equal(new[] { intelRoot.Thumbprint }.ToHashSet(), Roots);
        Assert.False(stores.Exists(TrustedTpmStore.IntermediateCA));
    }

    [Fact]
    public void A_certificate_the_platform_cannot_load_stops_Set_before_anything_is_written()
    {
        package.AddFile(Path.Combine("Intel", "IntermediateCA", "outline-only.cer"), TestCa.OutlineOnlyCertificate("Intel Broken CA"));

        Assert.False(Desired().Test());
        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired().Set());

        Assert.Contains(Path.Combine("Intel", "IntermediateCA", "outline-only.cer"), error.Message);
        Assert.Contains("HTR0019", error.Message);
        Assert.Contains("HTR0075", error.Message);
        Assert.Contains(log.Verbose, m => m.Contains("HTR0076") && m.Contains("outline-only.cer"));
        Assert.False(stores.Exists(TrustedTpmStore.RootCA));
        Assert.False(stores.Exists(TrustedTpmStore.IntermediateCA));
    }

    [Fact]
    public void A_package_with_a_non_self_signed_root_changes_nothing()
    {
        package.AddRoot("AMD", intelIntermediate.Certificate, CertificateEncoding.Der, "misplaced.cer");

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(new[] { "Intel" }).Set());

        Assert.Contains(Path.Combine("AMD", "RootCA", "misplaced.cer"), error.Message);
        Assert.False(stores.Exists(TrustedTpmStore.RootCA));
        Assert.False(stores.Exists(TrustedTpmStore.IntermediateCA));
    }

    [Fact]
    public void Test_verifies_no_root_signature_but_Get_and_Set_refuse_a_root_signed_by_another_key()
    {
        using var forged = TestCa.SameNameOtherKey("AMD Second Test Root");
        package.AddRoot("AMD", forged, CertificateEncoding.Der, "forged.cer");
        stores.Install(TrustedTpmStore.RootCA, intelRoot.Certificate, infineonRoot.Certificate, amdRoot.Certificate, forged);
        stores.Install(TrustedTpmStore.IntermediateCA, intelIntermediate.Certificate, infineonIntermediate.Certificate);
        var counting = new CountingStores(stores.Stores);

        Assert.True(Desired().Test());
        var getError = Assert.Throws<InvalidPropertyValueException>(() => Desired().Get());
        var setError = Assert.Throws<InvalidPropertyValueException>(() => Desired(through: counting).Set());

        foreach (var error in new[] { getError, setError })
        {
            Assert.Contains(Path.Combine("AMD", "RootCA", "forged.cer"), error.Message);
            Assert.Contains("HTR0029", error.Message);
            Assert.Contains("HTR0031", error.Message);
        }

        Assert.Equal(0, counting.Opened);
    }

    [Fact]
    public void A_root_that_names_another_issuer_is_refused_by_Test_too()
    {
        package.AddRoot("AMD", intelIntermediate.Certificate, CertificateEncoding.Der, "misplaced.cer");

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired().Test());

        Assert.Contains("HTR0030", error.Message);
    }

    [Fact]
    public void A_cab_is_expanded_once_per_Test_and_once_per_Set()
    {
        var cab = package.AddFile("TrustedTpm.cab", new byte[] { 0x4D, 0x53, 0x43, 0x46 });
        var extractor = new CopyingExtractor(package.Root, wrapInFolder: false);

        Assert.False(Desired(extractor: extractor, path: cab).Test());
        Assert.Equal(1, extractor.Extractions);
        Desired(extractor: extractor, path: cab).Set();
        Assert.Equal(2, extractor.Extractions);
        Assert.True(Desired(extractor: extractor, path: cab).Test());
        Assert.Equal(3, extractor.Extractions);
        Assert.Equal(3, Roots.Count);
    }

    [Fact]
    public void Without_Purge_certificates_the_package_no_longer_has_stay_and_do_not_count_as_drift()
    {
        using var oldIntermediate = intelRoot.IssueCa("Intel Retired Intermediate");
        Desired().Set();
        stores.Install(TrustedTpmStore.IntermediateCA, oldIntermediate.Certificate);

        Assert.True(Desired().Test());
        var state = Desired().Get();

        Assert.Equal(1, state.ExtraCount);
        Assert.Contains("1 installed certificate(s) tied to this vendor are no longer in the package", state.VendorCounts!.Single(v => v.StartsWith("Intel")));
        Desired().Set();
        Assert.Contains(oldIntermediate.Thumbprint, Intermediates);
        Assert.Contains(log.Verbose, m => m.Contains("HTR0041"));
    }

    [Fact]
    public void Purge_removes_what_the_package_no_longer_has_from_the_two_stores_only()
    {
        using var retiredRoot = TestCa.Root("Intel Test Root");
        using var retiredIntermediate = intelRoot.IssueCa("Intel Retired Intermediate");
        using var grandchild = retiredIntermediate.IssueCa("Intel Retired Issuing CA");
        Desired().Set();
        stores.Install(TrustedTpmStore.RootCA, retiredRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, retiredIntermediate.Certificate, grandchild.Certificate);
        stores.Install(stores.BystanderName, retiredRoot.Certificate, retiredIntermediate.Certificate, grandchild.Certificate);

        var before = Desired(purge: true).Get();
        Assert.Equal(3, before.ExtraCount);
        var purgeReasons = before.Reasons!.Where(r => r.Code == "HgsTrustedTpmRoots:HgsTrustedTpmRoots:Purge").ToArray();
        Assert.Equal(2, purgeReasons.Length);
        Assert.Contains(purgeReasons, r => r.Phrase!.Contains(retiredRoot.Thumbprint) && r.Phrase.Contains(stores.RootName));
        Assert.False(Desired(purge: true).Test());

        Desired(purge: true).Set();

        Assert.Equal(new[] { intelRoot.Thumbprint, infineonRoot.Thumbprint, amdRoot.Thumbprint }.ToHashSet(), Roots);
        Assert.Equal(new[] { intelIntermediate.Thumbprint, infineonIntermediate.Thumbprint }.ToHashSet(), Intermediates);
        Assert.Equal(3, stores.Thumbprints(stores.BystanderName).Count);
        Assert.True(Desired(purge: true).Test());
    }

    [Fact]
    public void What_an_administrator_reads_about_Purge_states_its_rule()
    {
        const string Rule = "Purge removes only certificates that are tied to a chosen vendor of the package and that the package no longer has; it never removes any other certificate";
        using var retiredIntermediate = intelRoot.IssueCa("Intel Retired Intermediate");
        Desired().Set();
        stores.Install(TrustedTpmStore.IntermediateCA, retiredIntermediate.Certificate);

        var description = typeof(Resource).GetProperty(nameof(Resource.Purge))!.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false)
            .Cast<System.ComponentModel.DescriptionAttribute>().Single().Description;
        var reason = Desired(purge: true).Get().Reasons!.Single(r => r.Code!.EndsWith(":Purge", StringComparison.Ordinal));

        Assert.Contains("tied to a chosen vendor of the package", description);
        Assert.Contains("No other certificate is ever removed", description);
        Assert.StartsWith("Intel: CurrentUser\\" + stores.IntermediateName + " holds 1 certificate(s) tied to Intel that the package no longer has", reason.Phrase);
        Assert.Contains(Rule, reason.Phrase);
        Assert.Contains(Rule, File.ReadAllText(Path.Combine(RepositoryPaths.Source, "HgsDsc", "Resources", "HgsTrustedTpmRoots", "README.md")).Replace("\r\n", " ").Replace("\n", " "));
    }

    [Fact]
    public void Purge_never_removes_certificates_that_belong_to_no_vendor_of_the_package()
    {
        using var unrelatedRoot = TestCa.Root("Some Other Company Root");
        using var unrelatedIntermediate = unrelatedRoot.IssueCa("Some Other Company CA");
        Desired().Set();
        stores.Install(TrustedTpmStore.RootCA, unrelatedRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, unrelatedIntermediate.Certificate);

        Assert.True(Desired(purge: true).Test());
        Desired(purge: true).Set();

        Assert.Contains(unrelatedRoot.Thumbprint, Roots);
        Assert.Contains(unrelatedIntermediate.Thumbprint, Intermediates);
        Assert.Contains(log.Verbose, m => m.Contains("HTR0043"));
    }

    [Fact]
    public void Purge_with_a_vendor_filter_leaves_other_vendors_alone()
    {
        using var retiredInfineon = infineonRoot.IssueCa("Infineon Retired Intermediate");
        using var retiredIntel = intelRoot.IssueCa("Intel Retired Intermediate");
        Desired().Set();
        stores.Install(TrustedTpmStore.IntermediateCA, retiredInfineon.Certificate, retiredIntel.Certificate);

        Desired(new[] { "Intel" }, purge: true).Set();

        Assert.DoesNotContain(retiredIntel.Thumbprint, Intermediates);
        Assert.Contains(retiredInfineon.Thumbprint, Intermediates);
        Assert.Contains(infineonIntermediate.Thumbprint, Intermediates);
        Assert.Contains(amdRoot.Thumbprint, Roots);
        Assert.Contains(log.Verbose, m => m.Contains("HTR0042"));
    }

    [Fact]
    public void Purge_never_removes_a_certificate_the_package_has_under_a_vendor_that_was_not_chosen()
    {
        Desired().Set();

        Desired(new[] { "Intel" }, purge: true).Set();

        Assert.Equal(3, Roots.Count);
        Assert.Equal(2, Intermediates.Count);
    }

    [Fact]
    public void A_certificate_shipped_by_two_vendors_is_added_once_and_counted_for_both()
    {
        package.AddIntermediate("AMD", intelIntermediate.Certificate);
        var counting = new CountingStores(stores.Stores);

        Desired(through: counting).Set();

        Assert.Single(counting.Added, t => t == intelIntermediate.Thumbprint);
        var state = Desired().Get();
        Assert.Contains("AMD: 1 of 1 root(s) and 1 of 1 intermediate(s) installed. (HTR0053)", state.VendorCounts!);
    }

    [Fact]
    public void Reasons_name_a_few_certificates_and_count_the_rest()
    {
        var extra = Enumerable.Range(1, 8).Select(i => intelRoot.IssueCa("Intel Test Issuing CA " + i)).ToArray();
        try
        {
            foreach (var ca in extra)
            {
                package.AddIntermediate("Intel", ca.Certificate);
            }

            var reason = Desired(new[] { "Intel" }).Get().Reasons!.Single(r => r.Phrase!.Contains(stores.IntermediateName));

            Assert.StartsWith("Intel: 9 certificate(s) of the package are missing", reason.Phrase);
            Assert.Equal(5, extra.Append(intelIntermediate).Count(ca => reason.Phrase!.Contains(ca.Thumbprint)));
            Assert.Contains("and 4 more", reason.Phrase);
        }
        finally
        {
            foreach (var ca in extra)
            {
                ca.Dispose();
            }
        }
    }

    [Fact]
    public void A_store_failing_halfway_says_what_was_and_was_not_done_and_removes_nothing()
    {
        using var retired = intelRoot.IssueCa("Intel Retired Intermediate");
        stores.Install(TrustedTpmStore.IntermediateCA, retired.Certificate);
        var failing = new CountingStores(stores.Stores) { FailOnAdd = 4 };

        var error = Assert.Throws<NodeOperationException>(() => Desired(purge: true, through: failing).Set());

        Assert.Equal("TrustedTpmStoreWriteFailed", error.ErrorId);
        Assert.Contains("3 certificate(s) added, 0 removed", error.Message);
        Assert.Contains("2 to add, 1 to remove", error.Message);
        Assert.Contains("disk full", error.Message);
        Assert.Contains(retired.Thumbprint, Intermediates);
        Assert.Equal(3, Roots.Count + Intermediates.Count - 1);
        Assert.Empty(failing.Removed);
    }

    [Fact]
    public void Set_failing_to_open_a_store_is_a_clear_error()
    {
        var failing = new CountingStores(stores.Stores) { FailOnOpen = true };

        var error = Assert.Throws<NodeOperationException>(() => Desired(through: failing).Set());

        Assert.Contains("opening CurrentUser\\" + stores.RootName, error.Message);
        Assert.Contains("0 certificate(s) added", error.Message);
    }

    [Fact]
    public void The_LocalMachine_stores_off_Windows_give_the_Windows_only_error()
    {
        if (Platform.IsWindows)
        {
            // On Windows LocalMachine\TrustedTPM_RootCA is readable without elevation: Read must succeed.
            Assert.NotNull(new X509TpmRootStores().Read(TrustedTpmStore.RootCA));
            return;
        }

        var resource = new Resource { Path = package.Root };

        var error = Assert.Throws<NodePrerequisiteException>(() => resource.Test());

        Assert.Equal("WindowsOnly", error.ErrorId);
        Assert.Contains("LocalMachine\\TrustedTPM_RootCA", error.Message);
    }
}
