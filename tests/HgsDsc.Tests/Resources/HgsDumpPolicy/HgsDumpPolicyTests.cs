using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
using HgsDsc.Resources.HgsDumpPolicy;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;
using static HgsDsc.Resources.HgsDumpPolicy.AttestationPolicyState;
using Resource = HgsDsc.Resources.HgsDumpPolicy.HgsDumpPolicy;

namespace HgsDsc.Tests.Resources.HgsDumpPolicy;

/// <summary>The logic of HgsDumpPolicy, against a substitute HGS that keeps its policies.</summary>
public sealed class HgsDumpPolicyTests
{
    private const string KeyA = Host.KeyA;
    private const string KeyB = Host.KeyB;
    private const string KeyC = Host.KeyC;

    private readonly RecordingLog log = new();

    private Resource Desired(FakeHgs hgs, DumpPolicy? policy = null, string[]? hashes = null, string[]? files = null, bool? purge = null)
    {
        var resource = new Resource(hgs.Hgs)
        {
            IsSingleInstance = "Yes",
            Policy = policy,
            TrustedKeyHash = hashes,
            TrustedKeyFile = files,
            PurgeTrustedKeys = purge,
        };
        resource.AttachLog(log);
        return resource;
    }

    /// <summary>The changing calls the resource made, in order, as text.</summary>
    private static List<string> Changes(FakeHgs hgs) => hgs.Hgs.ReceivedCalls()
        .Where(c => c.GetMethodInfo().Name is not (nameof(IHgsAttestationPolicies.GetPolicies) or nameof(IHgsAttestationPolicies.CanAddDumpKeys)))
        .Select(c => c.GetMethodInfo().Name + " " + (c.GetArguments()[0] is AttestationPolicy p
            ? p.Name + (p.PolicyVersion == null ? string.Empty : " " + p.PolicyVersion)
            : c.GetArguments()[0] + " " + c.GetArguments()[1] + (c.GetArguments()[2] == null ? string.Empty : " " + c.GetArguments()[2])))
        .ToList();

    /// <summary>
    /// The safety rule: every state HGS passed through accepts every host that both the state
    /// before the Set and the state after it accept, and none that neither accepts.
    /// </summary>
    private static void AssertNoHostLockedOut(FakeHgs hgs)
    {
        var before = hgs.Accepted[0];
        var after = hgs.Accepted[^1];
        var both = before.Intersect(after).ToHashSet();
        var either = before.Union(after).ToHashSet();
        for (var i = 1; i < hgs.Accepted.Count; i++)
        {
            var rejected = both.Except(hgs.Accepted[i]).ToArray();
            Assert.True(rejected.Length == 0, $"After change {i}, HGS rejects {string.Join(", ", rejected)}, which both the old and the new state accept.");
            var admitted = hgs.Accepted[i].Except(either).ToArray();
            Assert.True(admitted.Length == 0, $"After change {i}, HGS accepts {string.Join(", ", admitted)}, which neither the old nor the new state accepts.");
        }
    }

    // ---- Transitions between the desired policies ---------------------------------------

    [Fact]
    public void Unmanaged_to_NoDumps_enables_Hgs_NoDumps_and_nothing_else()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled));

        Desired(hgs, DumpPolicy.NoDumps).Set();

        Assert.Equal(new[] { "Enable Hgs_NoDumps PolicyVersion1704" }, Changes(hgs));
        Assert.True(Desired(hgs, DumpPolicy.NoDumps).Test());
        AssertNoHostLockedOut(hgs);
    }

    [Fact]
    public void NoDumps_to_EncryptedDumps_trusts_keys_then_enables_encryption_then_disables_NoDumps()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Enabled, Disabled, Disabled));

        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Set();

        Assert.Equal(
            new[]
            {
                $"AddDumpKey HgsDsc_DumpKey_{KeyA} {KeyA} PolicyVersion1704",
                "Enable Hgs_DumpEncryption PolicyVersion1704",
                "Enable Hgs_DumpEncryptionKey PolicyVersion1704",
                "Disable Hgs_NoDumps PolicyVersion1704",
            },
            Changes(hgs));
        Assert.True(Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Test());
        AssertNoHostLockedOut(hgs);
    }

    [Fact]
    public void A_key_policy_that_HGS_creates_disabled_is_enabled_at_once_so_one_Set_converges_safely()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Enabled, Disabled, Disabled)) { AddsKeysAs = Disabled };

        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Set();

        Assert.Equal(
            new[]
            {
                $"AddDumpKey HgsDsc_DumpKey_{KeyA} {KeyA} PolicyVersion1704",
                $"Enable HgsDsc_DumpKey_{KeyA} PolicyVersion1704",
                "Enable Hgs_DumpEncryption PolicyVersion1704",
                "Enable Hgs_DumpEncryptionKey PolicyVersion1704",
                "Disable Hgs_NoDumps PolicyVersion1704",
            },
            Changes(hgs));
        Assert.True(Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Test());
        AssertNoHostLockedOut(hgs);
    }

    [Fact]
    public void EncryptedDumps_to_NoDumps_enables_NoDumps_and_keeps_the_encryption_policies()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Append(FakeHgs.Key("k-a", KeyA)).ToArray());

        Desired(hgs, DumpPolicy.NoDumps).Set();

        Assert.Equal(new[] { "Enable Hgs_NoDumps PolicyVersion1704" }, Changes(hgs));
        Assert.Equal(Enabled, hgs.StateOf("Hgs_DumpEncryption"));
        Assert.Equal(Enabled, hgs.StateOf("Hgs_DumpEncryptionKey"));
        AssertNoHostLockedOut(hgs);
    }

    [Fact]
    public void EncryptedDumps_to_NoDumps_forbids_dumps_before_changing_any_key()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Concat(new[] { FakeHgs.Key("k-a", KeyA), FakeHgs.Key("k-b", KeyB) }).ToArray());

        Desired(hgs, DumpPolicy.NoDumps, new[] { KeyB, KeyC }, purge: true).Set();

        // Trusting key C first would let hosts with key C attest, which neither state allows.
        Assert.Equal(
            new[] { "Enable Hgs_NoDumps PolicyVersion1704", $"AddDumpKey HgsDsc_DumpKey_{KeyC} {KeyC} PolicyVersion1704", "Remove k-a PolicyVersion1704" },
            Changes(hgs));
        AssertNoHostLockedOut(hgs);
    }

    [Fact]
    public void NoDumps_to_EncryptedDumps_with_purge_removes_old_keys_before_dumps_are_allowed()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Enabled, Disabled, Disabled).Concat(new[] { FakeHgs.Key("k-a", KeyA), FakeHgs.Key("k-b", KeyB) }).ToArray());

        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyB, KeyC }, purge: true).Set();

        // Removing key A after Hgs_NoDumps is disabled would let hosts with key A attest for a while.
        Assert.Equal(
            new[]
            {
                $"AddDumpKey HgsDsc_DumpKey_{KeyC} {KeyC} PolicyVersion1704",
                "Enable Hgs_DumpEncryption PolicyVersion1704",
                "Enable Hgs_DumpEncryptionKey PolicyVersion1704",
                "Remove k-a PolicyVersion1704",
                "Disable Hgs_NoDumps PolicyVersion1704",
            },
            Changes(hgs));
        AssertNoHostLockedOut(hgs);
    }

    [Fact]
    public void Unmanaged_to_EncryptedDumps_from_unrestricted_dumps_trusts_keys_before_requiring_them()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled));

        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA, KeyB }).Set();

        Assert.Equal(
            new[]
            {
                $"AddDumpKey HgsDsc_DumpKey_{KeyA} {KeyA} PolicyVersion1704",
                $"AddDumpKey HgsDsc_DumpKey_{KeyB} {KeyB} PolicyVersion1704",
                "Enable Hgs_DumpEncryption PolicyVersion1704",
                "Enable Hgs_DumpEncryptionKey PolicyVersion1704",
            },
            Changes(hgs));
        AssertNoHostLockedOut(hgs);
        Assert.Contains(hgs.Accepted[^1], h => h.KeyHash == KeyA);
        Assert.DoesNotContain(hgs.Accepted[^1], h => h.Dumps == DumpMode.Unencrypted);
    }

    [Fact]
    public void Encryption_with_any_key_to_EncryptedDumps_adds_the_key_before_enabling_the_key_check()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Disabled));

        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Set();

        Assert.Equal(
            new[] { $"AddDumpKey HgsDsc_DumpKey_{KeyA} {KeyA} PolicyVersion1704", "Enable Hgs_DumpEncryptionKey PolicyVersion1704" },
            Changes(hgs));
        AssertNoHostLockedOut(hgs);
    }

    [Fact]
    public void EncryptedDumps_with_new_keys_adds_them_before_purging_the_old_ones()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Concat(new[] { FakeHgs.Key("k-a", KeyA), FakeHgs.Key("k-b", KeyB) }).ToArray());

        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyB, KeyC }, purge: true).Set();

        Assert.Equal(new[] { $"AddDumpKey HgsDsc_DumpKey_{KeyC} {KeyC} PolicyVersion1704", "Remove k-a PolicyVersion1704" }, Changes(hgs));
        AssertNoHostLockedOut(hgs);
    }

    [Theory]
    [InlineData(DumpPolicy.Unmanaged)]
    [InlineData(null)]
    public void Unmanaged_leaves_the_three_policies_alone_and_still_manages_keys(DumpPolicy? policy)
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Enabled, Disabled, Enabled));

        Desired(hgs, policy, new[] { KeyA }).Set();

        Assert.Equal(new[] { $"AddDumpKey HgsDsc_DumpKey_{KeyA} {KeyA} PolicyVersion1704" }, Changes(hgs));
        Assert.True(Desired(hgs, policy).Test());
    }

    public static IEnumerable<object?[]> EveryTransition()
    {
        var starts = new (string Name, AttestationPolicyState NoDumps, AttestationPolicyState Encryption, AttestationPolicyState KeyCheck)[]
        {
            ("NoDumps", Enabled, Disabled, Disabled),
            ("NoDumps with encryption kept on", Enabled, Enabled, Enabled),
            ("EncryptedDumps", Disabled, Enabled, Enabled),
            ("unrestricted dumps", Disabled, Disabled, Disabled),
            ("dumps encrypted with any key", Disabled, Enabled, Disabled),
            ("key check without encryption", Disabled, Disabled, Enabled),
        };
        foreach (var start in starts)
        {
            foreach (var desired in new DumpPolicy?[] { DumpPolicy.NoDumps, DumpPolicy.EncryptedDumps, DumpPolicy.Unmanaged })
            {
                foreach (var purge in new[] { false, true })
                {
                    yield return new object?[] { start.Name, start.NoDumps, start.Encryption, start.KeyCheck, desired, purge };
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryTransition))]
    public void Every_transition_converges_without_locking_out_a_host_that_both_states_accept(
        string start, AttestationPolicyState noDumps, AttestationPolicyState encryption, AttestationPolicyState keyCheck, DumpPolicy? desired, bool purge)
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(noDumps, encryption, keyCheck).Concat(new[] { FakeHgs.Key("k-a", KeyA), FakeHgs.Key("k-b", KeyB) }).ToArray());

        Desired(hgs, desired, new[] { KeyB, KeyC }, purge: purge).Set();

        Assert.True(Desired(hgs, desired, new[] { KeyB, KeyC }, purge: purge).Test(), start);
        AssertNoHostLockedOut(hgs);
        Assert.Equal(purge ? new[] { KeyB, KeyC } : new[] { KeyA, KeyB, KeyC }, Desired(hgs, desired).Get().TrustedKeyHash);
    }

    // ---- Keys ---------------------------------------------------------------------------

    [Fact]
    public void A_key_trusted_under_another_name_is_recognised_by_its_hash()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Append(FakeHgs.Key("Contoso Dump Encryption", KeyA)).ToArray());

        var resource = Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA.ToLowerInvariant() });

        Assert.True(resource.Test());
        resource.Set();
        Assert.Empty(Changes(hgs));
    }

    [Fact]
    public void A_listed_key_whose_policy_is_disabled_is_enabled_not_added_again()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Append(FakeHgs.Key("Contoso Dump Encryption", KeyA, Disabled)).ToArray());

        var reason = Assert.Single(Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Get().Reasons!);
        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Set();

        Assert.Equal("HgsDumpPolicy:HgsDumpPolicy:TrustedKeyHash", reason.Code);
        Assert.Contains("Enable-HgsAttestationPolicy -Name \"Contoso Dump Encryption\"", reason.Phrase);
        Assert.Equal(new[] { "Enable Contoso Dump Encryption PolicyVersion1704" }, Changes(hgs));
    }

    [Fact]
    public void Purge_removes_only_unlisted_dump_key_policies()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Concat(new[]
        {
            FakeHgs.Key("k-a", KeyA),
            FakeHgs.Key("k-b", KeyB, Disabled),
            FakeHgs.Key("k-c", KeyC),
            new AttestationPolicy("Baseline01", "SecureBootSettings", Enabled, FakeHgs.Version),
            new AttestationPolicy("Hgs_SecureBootEnabled", "SecureBootEnabled", Locked, FakeHgs.Version),
        }).ToArray());

        var reasons = Desired(hgs, null, new[] { KeyC }, purge: true).Get().Reasons!;
        Desired(hgs, null, new[] { KeyC }, purge: true).Set();

        Assert.Equal(new[] { "Remove k-a PolicyVersion1704", "Remove k-b PolicyVersion1704" }, Changes(hgs));
        Assert.All(reasons, r => Assert.Equal("HgsDumpPolicy:HgsDumpPolicy:PurgeTrustedKeys", r.Code));
        Assert.Contains(reasons, r => r.Phrase!.Contains("'k-a'") && r.Phrase.Contains(KeyA));
        Assert.Contains(hgs.Policies, p => p.Name == "Baseline01");
        Assert.Contains(hgs.Policies, p => p.Name == "Hgs_DumpEncryptionKey");
    }

    [Fact]
    public void Purge_leaves_a_key_policy_whose_hash_it_cannot_see_and_warns()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Concat(new[]
        {
            new AttestationPolicy("Contoso Dump Encryption", "DumpEncryptionKey", Enabled, FakeHgs.Version),
            FakeHgs.Key("k-a", KeyA),
        }).ToArray());

        Desired(hgs, null, new[] { KeyA }, purge: true).Set();

        Assert.Empty(Changes(hgs));
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("Contoso Dump Encryption", warning);
        Assert.Contains("HDP0011", warning);
    }

    [Fact]
    public void Without_purge_unlisted_keys_stay()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Append(FakeHgs.Key("k-a", KeyA)).ToArray());

        Assert.True(Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyB }).Get().Reasons!.All(r => r.Code!.EndsWith(":TrustedKeyHash", StringComparison.Ordinal)));
        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyB }).Set();

        Assert.DoesNotContain(Changes(hgs), c => c.StartsWith("Remove", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_are_trusted_in_every_policy_version_HGS_checks_them_in()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Enabled, Disabled, Disabled, "PolicyVersion1503")
            .Concat(FakeHgs.DumpPolicies(Enabled, Disabled, Disabled, "PolicyVersion1704"))
            .Append(FakeHgs.Key("k-a-1503", KeyA, Enabled, "PolicyVersion1503"))
            .ToArray());

        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Set();

        Assert.Equal(
            new[]
            {
                $"AddDumpKey HgsDsc_DumpKey_{KeyA} {KeyA} PolicyVersion1704",
                "Enable Hgs_DumpEncryption PolicyVersion1503",
                "Enable Hgs_DumpEncryption PolicyVersion1704",
                "Enable Hgs_DumpEncryptionKey PolicyVersion1503",
                "Enable Hgs_DumpEncryptionKey PolicyVersion1704",
                "Disable Hgs_NoDumps PolicyVersion1503",
                "Disable Hgs_NoDumps PolicyVersion1704",
            },
            Changes(hgs));
        Assert.True(Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Test());
    }

    [Fact]
    public void An_unversioned_key_policy_counts_for_every_version()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled, "PolicyVersion1503")
            .Concat(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled, "PolicyVersion1704"))
            .Append(FakeHgs.Key("k-a", KeyA, Enabled, null))
            .ToArray());

        Assert.True(Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Test());
    }

    [Fact]
    public void A_key_given_as_a_certificate_file_is_added_by_its_computed_hash()
    {
        var folder = Directory.CreateTempSubdirectory("HgsDumpPolicyTests.").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            using var certificate = new CertificateRequest("CN=host01", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var path = Path.Combine(folder, "host01.cer");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Cert));
            var expected = DumpKeyHash.OfPublicKey(rsa.ExportParameters(false).Exponent!, rsa.ExportParameters(false).Modulus!);
            var hgs = new FakeHgs(FakeHgs.DumpPolicies(Enabled, Disabled, Disabled));

            var reason = Assert.Single(Desired(hgs, files: new[] { path }).Get().Reasons!);
            Desired(hgs, files: new[] { path }).Set();

            Assert.Equal("HgsDumpPolicy:HgsDumpPolicy:TrustedKeyFile", reason.Code);
            Assert.Contains(path, reason.Phrase);
            Assert.Contains(expected, reason.Phrase);
            Assert.Equal(new[] { $"AddDumpKey HgsDsc_DumpKey_{expected} {expected} PolicyVersion1704" }, Changes(hgs));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    // ---- A node without the cumulative update -------------------------------------------

    [Fact]
    public void Without_the_dump_cmdlet_Test_is_false_Get_says_what_is_missing_and_Set_changes_nothing()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled)) { CanAddDumpKeys = false };

        Assert.False(Desired(hgs, DumpPolicy.NoDumps).Test());
        var reason = Assert.Single(Desired(hgs, DumpPolicy.NoDumps).Get().Reasons!);
        var error = Assert.Throws<NodePrerequisiteException>(() => Desired(hgs, DumpPolicy.NoDumps, new[] { KeyA }).Set());

        Assert.Equal("HgsDumpPolicy:HgsDumpPolicy:Policy", reason.Code);
        Assert.StartsWith("This HGS node does not have the command Add-HgsAttestationDumpPolicy.", reason.Phrase);
        Assert.DoesNotContain("does not have the attestation policies", reason.Phrase);
        Assert.Contains("cumulative update", reason.Phrase);
        Assert.Contains("Hyper-V host FIRST", reason.Phrase);
        Assert.Contains("Export-HgsServerState", reason.Phrase);
        Assert.Equal(reason.Phrase, error.Message);
        Assert.Equal("DumpPolicyUpdateMissing", error.ErrorId);
        Assert.Empty(Changes(hgs));
    }

    [Fact]
    public void Without_a_dump_policy_Get_names_exactly_that_policy()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled).Where(p => p.Name != "Hgs_DumpEncryptionKey").ToArray());

        var reason = Assert.Single(Desired(hgs, DumpPolicy.EncryptedDumps).Get().Reasons!);

        Assert.StartsWith("This HGS node does not have the attestation policies Hgs_DumpEncryptionKey. (HDP0002)", reason.Phrase);
        Assert.DoesNotContain("does not have the command", reason.Phrase);
        Assert.Contains("Hyper-V host FIRST", reason.Phrase);
        Assert.Throws<NodePrerequisiteException>(() => Desired(hgs, DumpPolicy.EncryptedDumps).Set());
        Assert.Empty(Changes(hgs));
    }

    [Fact]
    public void Without_the_update_at_all_Get_names_the_cmdlet_and_all_three_policies()
    {
        var hgs = new FakeHgs(new AttestationPolicy("Hgs_SecureBootEnabled", "SecureBootEnabled", Locked)) { CanAddDumpKeys = false };

        var reason = Assert.Single(Desired(hgs).Get().Reasons!);

        Assert.StartsWith(
            "This HGS node does not have the command Add-HgsAttestationDumpPolicy. (HDP0001) This HGS node does not have the attestation policies Hgs_NoDumps, Hgs_DumpEncryption, Hgs_DumpEncryptionKey. (HDP0002)",
            reason.Phrase);
        Assert.False(Desired(hgs).Test());
    }

    [Fact]
    public void A_staged_copy_does_not_count_as_the_policy()
    {
        var staged = new AttestationPolicy("Hgs_NoDumps", "NoDumps", Enabled, FakeHgs.Version, isStaged: true);
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled).Append(staged).ToArray());

        Assert.False(Desired(hgs, DumpPolicy.NoDumps).Test());
        Desired(hgs, DumpPolicy.NoDumps).Set();

        Assert.Equal(new[] { "Enable Hgs_NoDumps PolicyVersion1704" }, Changes(hgs));
        Assert.Contains(staged, hgs.Policies);
        Assert.Contains(log.Verbose, m => m.Contains("staged", StringComparison.Ordinal) && m.Contains("HDP0014", StringComparison.Ordinal));
    }

    // ---- Locked policies ----------------------------------------------------------------

    [Fact]
    public void EncryptedDumps_with_a_locked_NoDumps_is_reported_and_Set_changes_nothing()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Locked, Disabled, Disabled));

        var reasons = Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Get().Reasons!;
        var error = Assert.Throws<NodeOperationException>(() => Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Set());

        Assert.Contains(reasons, r => r.Code == "HgsDumpPolicy:HgsDumpPolicy:Policy" && r.Phrase!.Contains("The policy Hgs_NoDumps [PolicyVersion1704] is Locked"));
        Assert.Equal("DumpPolicyLocked", error.ErrorId);
        Assert.Contains("Locked", error.Message);
        Assert.Empty(Changes(hgs));
    }

    [Fact]
    public void NoDumps_with_a_locked_NoDumps_is_in_the_desired_state()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Locked, Disabled, Disabled));

        Assert.True(Desired(hgs, DumpPolicy.NoDumps).Test());
        Assert.Equal(DumpPolicy.NoDumps, Desired(hgs).Get().Policy);
    }

    [Fact]
    public void Purging_a_locked_key_policy_is_reported_and_Set_changes_nothing()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Append(FakeHgs.Key("k-a", KeyA, Locked)).ToArray());

        var reason = Assert.Single(Desired(hgs, null, new[] { KeyB }, purge: true).Get().Reasons!, r => r.Code!.EndsWith(":PurgeTrustedKeys", StringComparison.Ordinal));
        var error = Assert.Throws<NodeOperationException>(() => Desired(hgs, null, new[] { KeyB }, purge: true).Set());

        Assert.Contains("Locked", reason.Phrase);
        Assert.Contains("k-a", error.Message);
        Assert.Empty(Changes(hgs));
    }

    // ---- Idempotence, Get, failures -----------------------------------------------------

    [Fact]
    public void Set_twice_makes_one_set_of_changes()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Enabled, Disabled, Disabled).Append(FakeHgs.Key("k-c", KeyC)).ToArray());

        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }, purge: true).Set();
        var first = Changes(hgs);
        Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }, purge: true).Set();

        Assert.Equal(5, first.Count);
        Assert.Equal(first, Changes(hgs));
    }

    [Fact]
    public void Get_reports_the_current_policy_keys_and_states_without_changing_anything()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Concat(new[] { FakeHgs.Key("k-b", KeyB), FakeHgs.Key("k-a", KeyA, Disabled) }).ToArray());

        var state = Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyB }).Get();

        Assert.Equal("Yes", state.IsSingleInstance);
        Assert.Equal(DumpPolicy.EncryptedDumps, state.Policy);
        Assert.Equal(new[] { KeyB }, state.TrustedKeyHash);
        Assert.Equal(
            new[]
            {
                "Hgs_NoDumps [PolicyVersion1704]: Disabled",
                "Hgs_DumpEncryption [PolicyVersion1704]: Enabled",
                "Hgs_DumpEncryptionKey [PolicyVersion1704]: Enabled",
                $"k-b [PolicyVersion1704]: Enabled; key {KeyB}",
                $"k-a [PolicyVersion1704]: Disabled; key {KeyA}",
            },
            state.PolicyStates);
        Assert.Empty(state.Reasons!);
        Assert.Empty(Changes(hgs));
    }

    [Fact]
    public void Get_and_Test_never_change_HGS()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Enabled, Disabled, Disabled).Append(FakeHgs.Key("k-a", KeyA)).ToArray());
        var resource = Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyB }, purge: true);

        Assert.NotEmpty(resource.Get().Reasons!);
        Assert.False(resource.Test());

        Assert.Empty(Changes(hgs));
    }

    [Fact]
    public void Get_reports_no_policy_when_the_node_matches_neither()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Disabled));

        var state = Desired(hgs, DumpPolicy.NoDumps).Get();

        Assert.Null(state.Policy);
        var reason = Assert.Single(state.Reasons!);
        Assert.Contains("its dump policies are: Hgs_NoDumps [PolicyVersion1704]: Disabled, Hgs_DumpEncryption [PolicyVersion1704]: Enabled, Hgs_DumpEncryptionKey [PolicyVersion1704]: Disabled.", reason.Phrase);
        Assert.Contains("Enable-HgsAttestationPolicy -Name Hgs_NoDumps", reason.Phrase);
    }

    [Fact]
    public void A_step_that_fails_stops_the_Set_and_says_what_was_and_was_not_done()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Enabled, Disabled, Disabled));
        hgs.Hgs.When(h => h.Enable(Arg.Is<AttestationPolicy>(p => p.Name == "Hgs_DumpEncryptionKey")))
            .Do(_ => throw new NodeOperationException("CommandFailed", "Enable-HgsAttestationPolicy failed: access denied."));

        var error = Assert.Throws<NodeOperationException>(() => Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA }).Set());

        Assert.Equal("DumpPolicyStepFailed", error.ErrorId);
        Assert.Contains("step 3 of 4", error.Message);
        Assert.Contains("access denied", error.Message);
        Assert.Contains("Done before the failure: Add-HgsAttestationDumpPolicy", error.Message);
        Assert.Contains("Not done: Enable-HgsAttestationPolicy -Name 'Hgs_DumpEncryptionKey' -PolicyVersion PolicyVersion1704 -Confirm:$false; Disable-HgsAttestationPolicy -Name 'Hgs_NoDumps'", error.Message);
        hgs.Hgs.DidNotReceive().Disable(Arg.Any<AttestationPolicy>());
        Assert.Equal(Enabled, hgs.StateOf("Hgs_NoDumps"));
    }

    [Fact]
    public void Enabling_a_dump_policy_warns_that_hosts_need_the_update()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled));

        Desired(hgs, DumpPolicy.NoDumps).Set();

        var warning = Assert.Single(log.Warnings);
        Assert.Contains("Hgs_NoDumps", warning);
        Assert.Contains("cumulative update", warning);
    }

    [Fact]
    public void EncryptedDumps_without_any_trusted_key_warns()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled));

        Assert.True(Desired(hgs, DumpPolicy.EncryptedDumps).Test());

        Assert.Contains(log.Warnings, w => w.Contains("HDP0012", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dump_policy_without_a_readable_state_is_a_clear_error()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Unknown, Disabled, Disabled));

        var error = Assert.Throws<NodeOperationException>(() => Desired(hgs, DumpPolicy.NoDumps).Test());

        Assert.Equal("AttestationPolicyStateUnreadable", error.ErrorId);
        Assert.Contains("Hgs_NoDumps", error.Message);
        Assert.Contains("Format-List", error.Message);
    }

    // ---- Bad input ----------------------------------------------------------------------

    [Theory]
    [InlineData("E91C")]
    [InlineData("E91C254AD58860A02C788DFB5C1A65D6A8846AB1DC649631C7DB16FEF4AF2DEZ")]
    [InlineData("E9:1C:25")]
    [InlineData("")]
    public void A_malformed_hash_is_refused_before_the_node_is_read(string hash)
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled));

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(hgs, DumpPolicy.EncryptedDumps, new[] { KeyA, hash }).Set());

        Assert.Equal("TrustedKeyHash", error.PropertyName);
        Assert.Equal(hash, error.Value);
        Assert.Contains("'" + hash + "'", error.Message);
        Assert.Contains("64 hexadecimal", error.Message);
        Assert.Empty(hgs.Hgs.ReceivedCalls());
    }

    [Fact]
    public void A_missing_key_file_is_refused_before_the_node_is_read()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled));
        var path = Path.Combine(Path.GetTempPath(), "HgsDsc-no-such-key-" + Guid.NewGuid() + ".cer");

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(hgs, DumpPolicy.EncryptedDumps, files: new[] { path }).Test());

        Assert.Equal("TrustedKeyFile", error.PropertyName);
        Assert.Contains(path, error.Message);
        Assert.Empty(hgs.Hgs.ReceivedCalls());
    }

    [Fact]
    public void A_relative_key_file_path_is_refused()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled));

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(hgs, files: new[] { "host01.cer" }).Test());

        Assert.Equal("TrustedKeyFile", error.PropertyName);
        Assert.Contains("full path", error.Message);
    }

    [Fact]
    public void Purge_without_any_listed_key_is_refused()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Enabled, Enabled).Append(FakeHgs.Key("k-a", KeyA)).ToArray());

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(hgs, DumpPolicy.NoDumps, purge: true).Set());

        Assert.Equal("PurgeTrustedKeys", error.PropertyName);
        Assert.Empty(hgs.Hgs.ReceivedCalls());
    }

    [Fact]
    public void A_missing_IsSingleInstance_is_refused()
    {
        var hgs = new FakeHgs(FakeHgs.DumpPolicies(Disabled, Disabled, Disabled));
        var resource = Desired(hgs, DumpPolicy.NoDumps);
        resource.IsSingleInstance = null;

        Assert.Equal("IsSingleInstance", Assert.Throws<InvalidPropertyValueException>(() => resource.Test()).PropertyName);
    }
}
