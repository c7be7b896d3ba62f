using System.Collections;
using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Common.PowerShell;
using HgsDsc.Resources.HgsAttestationMode;
using HgsDsc.Tests.Infrastructure;
using Xunit;
using Resource = HgsDsc.Resources.HgsAttestationMode.HgsAttestationMode;

namespace HgsDsc.Tests.Resources.HgsAttestationMode;

/// <summary>
/// The real cmdlet implementation in a real runspace against the stub HgsServer module:
/// the exact commands issued, every output shape, every error path.
/// </summary>
[Collection(HgsDsc.Tests.Conformance.EngineCollection.Name)]
public sealed class HgsAttestationModeRunspaceTests : IDisposable
{
    private readonly PowerShellSession session = new();
    private readonly RecordingLog log = new();

    public void Dispose() => session.Dispose();

    private void Stub(string mode, string shape = "Hashtable", bool hostKey = true, bool lag = false, Hashtable? fail = null, object[]? tpmHosts = null, object[]? hostGroups = null)
    {
        session.UseHgsStub(new Hashtable
        {
            ["Mode"] = mode,
            ["Shape"] = shape,
            ["HostKeySupported"] = hostKey,
            ["LagSet"] = lag,
            ["Fail"] = fail ?? new Hashtable(),
            ["TpmHosts"] = tpmHosts ?? Array.Empty<object>(),
            ["HostGroups"] = hostGroups ?? Array.Empty<object>(),
        });
    }

    private T InRunspace<T>(Func<T> action) => session.AsCaller(action);

    private Resource Desired(AttestationMode mode)
    {
        var resource = new Resource(new HgsAttestationServerCmdlets(new RunspaceCommandInvoker())) { IsSingleInstance = "Yes", Mode = mode };
        resource.AttachLog(log);
        return resource;
    }

    [Theory]
    [InlineData("Hashtable", "AD")]
    [InlineData("Entries", "ActiveDirectory")]
    [InlineData("Object", "AD")]
    [InlineData("ValueObject", "AD")]
    [InlineData("Deserialized", "ActiveDirectory")]
    public void Get_reads_the_mode_from_every_output_shape(string shape, string reported)
    {
        Stub(reported, shape);

        var state = InRunspace(() => Desired(AttestationMode.ActiveDirectory).Get());

        Assert.Equal(AttestationMode.ActiveDirectory, state.Mode);
        Assert.Empty(state.Reasons!);
    }

    [Fact]
    public void Set_runs_Set_HgsServer_with_the_mode_switch_and_without_prompting()
    {
        Stub("Tpm");

        session.AsCaller(() => Desired(AttestationMode.ActiveDirectory).Set());

        var set = Assert.Single(session.StubCalls(), c => c.Command == "Set-HgsServer");
        Assert.Equal(new[] { "Confirm", "ErrorAction", "TrustActiveDirectory" }, set.Parameters.Keys.Cast<string>().OrderBy(k => k));
        Assert.Equal(ActionPreference.Stop, set.Parameters["ErrorAction"]);
        Assert.False(((SwitchParameter)set.Parameters["Confirm"]!).IsPresent);
        Assert.True(((SwitchParameter)set.Parameters["TrustActiveDirectory"]!).IsPresent);
        Assert.Equal(
            new[] { "Get-HgsServer", "Set-HgsServer", "Get-HgsServer" },
            session.StubCalls().Select(c => c.Command).Where(c => c.EndsWith("HgsServer", StringComparison.Ordinal)));
    }

    [Fact]
    public void Set_of_TPM_mode_uses_the_TrustTpm_switch()
    {
        Stub("AD");

        session.AsCaller(() => Desired(AttestationMode.Tpm).Set());

        var set = Assert.Single(session.StubCalls(), c => c.Command == "Set-HgsServer");
        Assert.True(set.Parameters.ContainsKey("TrustTpm"));
        Assert.True(InRunspace(() => Desired(AttestationMode.Tpm).Test()));
    }

    [Fact]
    public void HostKey_on_a_node_without_TrustHostKey_is_refused_before_Set_HgsServer_runs()
    {
        Stub("Tpm", hostKey: false);

        var error = Assert.Throws<InvalidPropertyValueException>(() => session.AsCaller(() => Desired(AttestationMode.HostKey).Set()));

        Assert.Equal("Mode", error.PropertyName);
        Assert.DoesNotContain(session.StubCalls(), c => c.Command == "Set-HgsServer");
    }

    [Fact]
    public void A_slow_node_is_reported_with_a_warning_not_a_failure()
    {
        Stub("Tpm", lag: true);

        session.AsCaller(() => Desired(AttestationMode.ActiveDirectory).Set());

        Assert.Contains(log.Warnings, w => w.Contains("10 minutes"));
        Assert.Single(session.StubCalls(), c => c.Command == "Set-HgsServer");
    }

    [Theory]
    [InlineData("Get-HgsServer")]
    [InlineData("Set-HgsServer")]
    public void A_failing_HGS_cmdlet_fails_the_resource_with_its_message(string command)
    {
        Stub("Tpm", fail: new Hashtable { [command] = "The HGS cluster is not reachable." });

        var error = Assert.Throws<NodeOperationException>(() => session.AsCaller(() => Desired(AttestationMode.ActiveDirectory).Set()));

        Assert.Equal("CommandFailed", error.ErrorId);
        Assert.Contains(command, error.Message);
        Assert.Contains("The HGS cluster is not reachable.", error.Message);
    }

    [Fact]
    public void Hosts_registered_only_for_the_old_mode_are_warned_about()
    {
        Stub("AD", tpmHosts: new object[] { "host1", "host2" });

        Assert.Empty(InRunspace(() => Desired(AttestationMode.ActiveDirectory).Get()).Reasons!);

        var warning = Assert.Single(log.Warnings);
        Assert.Contains("2 host registration(s)", warning);
        Assert.Contains("Add-HgsAttestationHostGroup", warning);
    }

    [Fact]
    public void A_node_without_the_HGS_role_gets_one_clear_error_naming_it()
    {
        // No stub imported: Get-HgsServer does not exist in this runspace.
        var error = Assert.Throws<NodePrerequisiteException>(() => InRunspace(() => Desired(AttestationMode.Tpm).Test()));

        Assert.Contains("Get-HgsServer", error.Message);
        Assert.Contains(HgsDsc.Common.Platform.IsWindows ? "HostGuardianServiceRole" : "Windows", error.Message);
    }

    [Fact]
    public void Through_the_module_a_failure_becomes_a_typed_error_record()
    {
        Stub("Tpm", fail: new Hashtable { ["Set-HgsServer"] = "Access is denied." });
        session.Run($"using module \"{TestModule.ManifestPath}\"");

        var caught = session.Run(
            "$r = [HgsAttestationMode]::new(); $r.IsSingleInstance = 'Yes'; $r.Mode = 'ActiveDirectory'; try { $r.Set() } catch { $_ }").Single();

        var record = (ErrorRecord)caught.BaseObject;
        Assert.Equal("CommandFailed,HgsDsc.Commands.InvokeHgsDscResourceMethodCommand", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, record.CategoryInfo.Category);
        Assert.Contains("Access is denied.", record.Exception.Message);
        Assert.Contains("Set-HgsServer", record.Exception.Message);
    }

    [Fact]
    public void Through_the_module_a_bad_value_is_rejected_naming_the_property_and_changes_nothing()
    {
        Stub("Tpm");
        session.Run($"using module \"{TestModule.ManifestPath}\"");

        var error = Assert.Throws<PowerShellErrorException>(() => session.Run("$r = [HgsAttestationMode]::new(); $r.Mode = 'Tmp'"));

        Assert.Contains("Mode", error.Message);
        Assert.Contains("Tmp", error.Message);
        Assert.Empty(session.StubCalls());
    }

    [Fact]
    public void Through_the_module_Verbose_and_Warning_say_what_was_found_and_what_changes()
    {
        Stub("Tpm", tpmHosts: new object[] { "host1" });
        session.Run($"using module \"{TestModule.ManifestPath}\"");

        session.Run("$VerbosePreference = 'Continue'; $r = [HgsAttestationMode]::new(); $r.IsSingleInstance = 'Yes'; $r.Mode = 'ActiveDirectory'; $r.Set()");

        Assert.Contains(session.Verbose, v => v.Contains("configured for Tpm attestation"));
        Assert.Contains(session.Verbose, v => v.Contains("Set-HgsServer -TrustActiveDirectory -Confirm:$false"));
        Assert.Contains(session.Warnings, w => w.Contains("Add-HgsAttestationHostGroup"));
    }
}
