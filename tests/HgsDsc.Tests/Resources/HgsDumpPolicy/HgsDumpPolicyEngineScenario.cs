using System.Collections;
using HgsDsc.Tests.Conformance;
using HgsDsc.Tests.Infrastructure;

namespace HgsDsc.Tests.Resources.HgsDumpPolicy;

/// <summary>A freshly updated HGS (dump policies present, all disabled) that must allow only dumps encrypted with one trusted key.</summary>
public sealed class HgsDumpPolicyEngineScenario : IEngineScenario
{
    public string Resource => "HgsDumpPolicy";

    public IReadOnlyDictionary<string, string> Properties { get; } = new Dictionary<string, string>
    {
        ["IsSingleInstance"] = "Yes",
        ["Policy"] = "EncryptedDumps",
        ["TrustedKeyHash"] = Host.KeyA.ToLowerInvariant(),
    };

    public void Arrange(PowerShellSession session) => session.UseHgsStub(new Hashtable());

    public IDisposable ReplaceNodeServices() => new NothingReplaced();
}
