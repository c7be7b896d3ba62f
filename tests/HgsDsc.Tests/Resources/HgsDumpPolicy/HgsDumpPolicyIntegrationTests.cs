using System.Collections;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Resources.HgsDumpPolicy;
using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsDumpPolicy;

/// <summary>
/// HgsDumpPolicy run the way PSDesiredStateConfiguration runs it (its generated PowerShell class,
/// in a fresh runspace), against the stub HGS cmdlets, checking the exact commands it issues.
/// </summary>
[Collection(HgsDsc.Tests.Conformance.EngineCollection.Name)]
public sealed class HgsDumpPolicyIntegrationTests : IDisposable
{
    private const string KeyA = Host.KeyA;
    private const string KeyB = Host.KeyB;
    private const string Version = "PolicyVersion1704";

    private static readonly string[] ChangingCommands =
    {
        "Enable-HgsAttestationPolicy", "Disable-HgsAttestationPolicy", "Remove-HgsAttestationPolicy", "Add-HgsAttestationDumpPolicy",
    };

    private readonly PowerShellSession session = new();
    private readonly string folder = Directory.CreateTempSubdirectory("HgsDumpPolicyIntegration.").FullName;

    public void Dispose()
    {
        session.Dispose();
        Directory.Delete(folder, true);
    }

    private static Hashtable Policy(string name, string type, string state, string? version = Version, string? hash = null, bool stage = false) => new()
    {
        ["Name"] = name,
        ["PolicyType"] = type,
        ["State"] = state,
        ["PolicyVersion"] = version,
        ["PublicKeyHash"] = hash,
        ["Stage"] = stage,
    };

    private static Hashtable[] DumpPolicies(string noDumps, string encryption, string keyCheck, string version = Version) => new[]
    {
        Policy("Hgs_SecureBootEnabled", "SecureBootEnabled", "Locked", version),
        Policy("Hgs_NoDumps", "NoDumps", noDumps, version),
        Policy("Hgs_DumpEncryption", "DumpEncryption", encryption, version),
        Policy("Hgs_DumpEncryptionKey", "DumpEncryptionKey", keyCheck, version),
    };

    private void UseStub(Hashtable settings) => session.UseHgsStub(settings);

    /// <summary>Runs Get, Test or Set on a new instance of the generated class; an error comes back as its ErrorRecord.</summary>
    private object? Invoke(string method, Hashtable properties)
    {
        var script = "using module '" + TestModule.ManifestPath.Replace("'", "''", StringComparison.Ordinal) + "'\n" + """
            param ($Method, $Properties)
            $resource = [HgsDumpPolicy]::new()
            foreach ($key in $Properties.Keys) { $resource.$key = $Properties[$key] }
            try
            {
                switch ($Method) { 'Get' { $resource.Get() } 'Test' { $resource.Test() } 'Set' { $resource.Set() } }
            }
            catch
            {
                $_
            }
            """;
        var output = session.Run(script, method, properties);
        return output.Count == 0 ? null : output[0].BaseObject is ErrorRecord record ? record : output[0];
    }

    private static Hashtable Desired(string? policy = null, string[]? hashes = null, string[]? files = null, bool? purge = null)
    {
        var properties = new Hashtable { ["IsSingleInstance"] = "Yes" };
        if (policy != null) properties["Policy"] = policy;
        if (hashes != null) properties["TrustedKeyHash"] = hashes;
        if (files != null) properties["TrustedKeyFile"] = files;
        if (purge != null) properties["PurgeTrustedKeys"] = purge;
        return properties;
    }

    /// <summary>The changing commands the stubs received, each as "Command -Param value ...", parameters sorted.</summary>
    private List<string> Changes() => session.StubCalls()
        .Where(c => ChangingCommands.Contains(c.Command))
        .Select(c => c.Command + string.Concat(c.Parameters.Keys.Cast<string>().OrderBy(k => k, StringComparer.Ordinal)
            .Select(k => " -" + k + " " + Convert.ToString(c.Parameters[k], System.Globalization.CultureInfo.InvariantCulture))))
        .ToList();

    private static ErrorRecord Error(object? result) => Assert.IsType<ErrorRecord>(result);

    private static HgsDsc.Common.HgsDscException HgsError(ErrorRecord record)
    {
        for (Exception? e = record.Exception; e != null; e = e.InnerException)
        {
            if (e is HgsDsc.Common.HgsDscException hgs)
            {
                return hgs;
            }
        }

        throw new Xunit.Sdk.XunitException("Not an HgsDsc error: " + record);
    }

    [Fact]
    public void NoDumps_to_EncryptedDumps_issues_exactly_these_commands_in_this_order()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=host01", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var file = Path.Combine(folder, "host01.cer");
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Cert));
        var fileHash = DumpKeyHash.OfPublicKey(rsa.ExportParameters(false).Exponent!, rsa.ExportParameters(false).Modulus!);
        UseStub(new Hashtable { ["Policies"] = DumpPolicies("Enabled", "Disabled", "Disabled") });
        var desired = Desired("EncryptedDumps", new[] { KeyA.ToLowerInvariant() }, new[] { file });

        Assert.Equal(false, PSObject.AsPSObject(Invoke("Test", desired)).BaseObject);
        Assert.Null(Invoke("Set", desired));

        Assert.Equal(
            new[]
            {
                $"Add-HgsAttestationDumpPolicy -Confirm False -ErrorAction Stop -Name HgsDsc_DumpKey_{KeyA} -PolicyVersion {Version} -PublicKeyHash {KeyA}",
                $"Add-HgsAttestationDumpPolicy -Confirm False -ErrorAction Stop -Name HgsDsc_DumpKey_{fileHash} -PolicyVersion {Version} -PublicKeyHash {fileHash}",
                $"Enable-HgsAttestationPolicy -Confirm False -ErrorAction Stop -Name Hgs_DumpEncryption -PolicyVersion {Version}",
                $"Enable-HgsAttestationPolicy -Confirm False -ErrorAction Stop -Name Hgs_DumpEncryptionKey -PolicyVersion {Version}",
                $"Disable-HgsAttestationPolicy -Confirm False -ErrorAction Stop -Name Hgs_NoDumps -PolicyVersion {Version}",
            },
            Changes());
        Assert.Equal(true, PSObject.AsPSObject(Invoke("Test", desired)).BaseObject);
        Assert.Contains(session.Warnings, w => w.Contains("Hgs_DumpEncryption", StringComparison.Ordinal) && w.Contains("cumulative update", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Info")]
    [InlineData("Deserialized")]
    [InlineData("Flags")]
    [InlineData("DeserializedFlags")]
    public void Get_reads_the_policies_live_or_deserialized_in_either_shape(string shape)
    {
        var policies = DumpPolicies("Disabled", "Enabled", "Enabled").Append(Policy("Contoso Dump Encryption", "DumpEncryptionKey", "Enabled", hash: KeyA.ToLowerInvariant())).ToArray();
        UseStub(new Hashtable { ["Policies"] = policies, ["PolicyShape"] = shape });

        var state = (PSObject)Invoke("Get", Desired("EncryptedDumps", new[] { KeyA }))!;

        Assert.Equal("EncryptedDumps", state.Properties["Policy"].Value);
        Assert.Equal(new object[] { KeyA }, (object[])state.Properties["TrustedKeyHash"].Value);
        Assert.Contains($"Hgs_NoDumps [{Version}]: Disabled", (object[])state.Properties["PolicyStates"].Value);
        Assert.Contains($"Contoso Dump Encryption [{Version}]: Enabled; key {KeyA}", (object[])state.Properties["PolicyStates"].Value);
        Assert.Empty((Array)state.Properties["Reasons"].Value);
        Assert.Equal(true, PSObject.AsPSObject(Invoke("Test", Desired("EncryptedDumps", new[] { KeyA }))).BaseObject);
        Assert.Empty(Changes());
    }

    [Theory]
    [InlineData("Deserialized")]
    [InlineData("DeserializedFlags")]
    public void Set_works_with_deserialized_policies(string shape)
    {
        UseStub(new Hashtable { ["Policies"] = DumpPolicies("Disabled", "Disabled", "Disabled"), ["PolicyShape"] = shape });

        Invoke("Set", Desired("NoDumps"));

        Assert.Equal(new[] { $"Enable-HgsAttestationPolicy -Confirm False -ErrorAction Stop -Name Hgs_NoDumps -PolicyVersion {Version}" }, Changes());
        Assert.Equal(true, PSObject.AsPSObject(Invoke("Test", Desired("NoDumps"))).BaseObject);
    }

    [Fact]
    public void Without_the_update_Test_is_false_Get_says_what_is_missing_and_Set_changes_nothing()
    {
        UseStub(new Hashtable { ["NoDumpUpdate"] = true });

        Assert.Equal(false, PSObject.AsPSObject(Invoke("Test", Desired("NoDumps"))).BaseObject);
        var state = (PSObject)Invoke("Get", Desired("NoDumps"))!;
        var error = Error(Invoke("Set", Desired("NoDumps", new[] { KeyA })));

        var reason = PSObject.AsPSObject(Assert.Single((object[])state.Properties["Reasons"].Value));
        var phrase = (string)reason.Properties["Phrase"].Value;
        Assert.Equal("HgsDumpPolicy:HgsDumpPolicy:Policy", reason.Properties["Code"].Value);
        Assert.StartsWith("This HGS node does not have the command Add-HgsAttestationDumpPolicy. (HDP0001) This HGS node does not have the attestation policies Hgs_NoDumps, Hgs_DumpEncryption, Hgs_DumpEncryptionKey. (HDP0002)", phrase);
        Assert.Contains("Hyper-V host FIRST", phrase);
        Assert.Equal("DumpPolicyUpdateMissing", HgsError(error).ErrorId);
        Assert.Contains("Hyper-V host FIRST", error.ToString());
        Assert.Empty(Changes());
    }

    [Fact]
    public void With_the_policies_but_without_the_dump_cmdlet_only_the_cmdlet_is_named()
    {
        UseStub(new Hashtable { ["NoDumpPolicyCommand"] = true });

        var state = (PSObject)Invoke("Get", Desired("NoDumps"))!;

        var phrase = (string)PSObject.AsPSObject(Assert.Single((object[])state.Properties["Reasons"].Value)).Properties["Phrase"].Value;
        Assert.StartsWith("This HGS node does not have the command Add-HgsAttestationDumpPolicy. (HDP0001) The memory dump policies", phrase);
        Assert.Empty(Changes());
    }

    [Fact]
    public void A_locked_NoDumps_blocks_EncryptedDumps_with_a_clear_error_and_no_change()
    {
        UseStub(new Hashtable { ["Policies"] = DumpPolicies("Locked", "Disabled", "Disabled") });

        var error = Error(Invoke("Set", Desired("EncryptedDumps", new[] { KeyA })));

        Assert.Equal("DumpPolicyLocked", HgsError(error).ErrorId);
        Assert.Contains($"The policy Hgs_NoDumps [{Version}] is Locked", error.ToString());
        Assert.Empty(Changes());
    }

    [Fact]
    public void Purge_removes_only_unlisted_key_policies_in_their_version()
    {
        var policies = DumpPolicies("Disabled", "Enabled", "Enabled").Concat(new[]
        {
            Policy("k-a", "DumpEncryptionKey", "Enabled", hash: KeyA),
            Policy("k-b", "DumpEncryptionKey", "Enabled", hash: KeyB),
            Policy("Baseline01", "SecureBootSettings", "Enabled"),
        }).ToArray();
        UseStub(new Hashtable { ["Policies"] = policies });

        Invoke("Set", Desired(hashes: new[] { KeyB }, purge: true));

        Assert.Equal(new[] { $"Remove-HgsAttestationPolicy -Confirm False -ErrorAction Stop -Name k-a -PolicyVersion {Version}" }, Changes());
        Assert.Equal(true, PSObject.AsPSObject(Invoke("Test", Desired(hashes: new[] { KeyB }, purge: true))).BaseObject);
    }

    [Fact]
    public void Keys_HgsDsc_added_are_recognised_by_name_when_HGS_does_not_show_hashes_so_Set_twice_adds_once()
    {
        UseStub(new Hashtable { ["HideKeyHash"] = true });

        Invoke("Set", Desired("EncryptedDumps", new[] { KeyA }));
        var first = Changes();
        Invoke("Set", Desired("EncryptedDumps", new[] { KeyA }));

        Assert.Equal(3, first.Count);
        Assert.Single(first, c => c.StartsWith("Add-HgsAttestationDumpPolicy", StringComparison.Ordinal));
        Assert.Equal(first, Changes());
    }

    [Fact]
    public void Every_policy_version_is_changed_with_its_own_PolicyVersion()
    {
        UseStub(new Hashtable
        {
            ["Policies"] = DumpPolicies("Disabled", "Disabled", "Disabled", "PolicyVersion1503").Concat(DumpPolicies("Disabled", "Disabled", "Disabled")).ToArray(),
        });

        Invoke("Set", Desired("NoDumps"));

        Assert.Equal(
            new[]
            {
                "Enable-HgsAttestationPolicy -Confirm False -ErrorAction Stop -Name Hgs_NoDumps -PolicyVersion PolicyVersion1503",
                $"Enable-HgsAttestationPolicy -Confirm False -ErrorAction Stop -Name Hgs_NoDumps -PolicyVersion {Version}",
            },
            Changes());
    }

    [Fact]
    public void Staged_policies_are_neither_read_nor_changed()
    {
        UseStub(new Hashtable
        {
            ["Policies"] = DumpPolicies("Disabled", "Disabled", "Disabled").Append(Policy("Hgs_NoDumps", "NoDumps", "Enabled", stage: true)).ToArray(),
        });

        Assert.Equal(false, PSObject.AsPSObject(Invoke("Test", Desired("NoDumps"))).BaseObject);
        Invoke("Set", Desired("NoDumps"));

        Assert.All(session.StubCalls(), c => Assert.False(c.Parameters.ContainsKey("Stage")));
        Assert.Equal(new[] { $"Enable-HgsAttestationPolicy -Confirm False -ErrorAction Stop -Name Hgs_NoDumps -PolicyVersion {Version}" }, Changes());
    }

    [Fact]
    public void A_failing_step_stops_the_Set_and_the_error_says_what_was_done()
    {
        UseStub(new Hashtable
        {
            ["Policies"] = DumpPolicies("Enabled", "Disabled", "Disabled"),
            ["Fail"] = new Hashtable { ["Disable-HgsAttestationPolicy"] = "Access is denied." },
        });

        var error = Error(Invoke("Set", Desired("EncryptedDumps", new[] { KeyA })));

        var message = error.ToString();
        Assert.Equal("DumpPolicyStepFailed", HgsError(error).ErrorId);
        Assert.Contains("step 4 of 4", message);
        Assert.Contains("Access is denied.", message);
        Assert.Contains("Done before the failure: Add-HgsAttestationDumpPolicy", message);
        var state = (PSObject)Invoke("Get", Desired("EncryptedDumps", new[] { KeyA }))!;
        Assert.Contains($"Hgs_NoDumps [{Version}]: Enabled", (object[])state.Properties["PolicyStates"].Value);
        Assert.Contains($"Hgs_DumpEncryptionKey [{Version}]: Enabled", (object[])state.Properties["PolicyStates"].Value);
    }

    [Theory]
    [InlineData("TrustedKeyHash", "E91C")]
    [InlineData("TrustedKeyFile", "relative.cer")]
    public void Bad_input_fails_before_any_HGS_command(string property, string value)
    {
        UseStub(new Hashtable());
        var desired = Desired("EncryptedDumps");
        desired[property] = new[] { value };

        var error = Error(Invoke("Set", desired));

        Assert.Equal("InvalidPropertyValue", HgsError(error).ErrorId);
        Assert.Contains(value, error.ToString());
        Assert.Empty(session.StubCalls());
    }

    [Fact]
    public void The_stub_policy_cmdlets_refuse_to_run_without_Confirm_false()
    {
        UseStub(new Hashtable());

        foreach (var command in new[]
        {
            "Enable-HgsAttestationPolicy -Name Hgs_NoDumps",
            "Disable-HgsAttestationPolicy -Name Hgs_NoDumps",
            "Remove-HgsAttestationPolicy -Name Hgs_NoDumps",
            "Add-HgsAttestationDumpPolicy -Name k -PublicKeyHash " + KeyA,
        })
        {
            var failure = Assert.Throws<PowerShellErrorException>(() => session.Run(command));
            Assert.Contains("does not support user interaction", failure.Message);
        }

        Assert.DoesNotContain(session.StubCalls(), c => ChangingCommands.Contains(c.Command));
    }
}
