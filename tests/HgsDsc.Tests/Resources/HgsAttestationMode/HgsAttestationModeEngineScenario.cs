using System.Collections;
using HgsDsc.Tests.Conformance;
using HgsDsc.Tests.Infrastructure;

namespace HgsDsc.Tests.Resources.HgsAttestationMode;

/// <summary>A TPM-mode node that must switch to AD mode, through the stub HgsServer module.</summary>
public sealed class HgsAttestationModeEngineScenario : IEngineScenario
{
    public string Resource => "HgsAttestationMode";

    public IReadOnlyDictionary<string, string> Properties { get; } = new Dictionary<string, string>
    {
        ["IsSingleInstance"] = "Yes",
        ["Mode"] = "ActiveDirectory",
    };

    public void Arrange(PowerShellSession session) =>
        session.UseHgsStub(new Hashtable { ["Mode"] = "Tpm", ["Shape"] = "Hashtable" });

    public IDisposable ReplaceNodeServices() => new NothingReplaced();
}
