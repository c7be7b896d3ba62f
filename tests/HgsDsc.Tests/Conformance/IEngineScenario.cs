using HgsDsc.Tests.Infrastructure;

namespace HgsDsc.Tests.Conformance;

/// <summary>
/// How to run one resource through a DSC engine's call sequence on this machine: the
/// properties a configuration would give (as strings, the way engines pass them), the stubs
/// that stand in for the node, and fakes for any Windows API the resource needs. Every
/// resource must have one (a test checks); put it beside the resource's own tests.
/// </summary>
public interface IEngineScenario
{
    string Resource { get; }

    /// <summary>The desired state; the arranged node is not in it until Set runs.</summary>
    IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Prepares the stubs in the runspace the resource runs in (node out of the desired state).</summary>
    void Arrange(PowerShellSession session);

    /// <summary>Replaces Windows-API implementations through NodeServices; disposing restores them.</summary>
    IDisposable ReplaceNodeServices();
}

public static class EngineScenarios
{
    public static IReadOnlyDictionary<string, IEngineScenario> All { get; } = typeof(IEngineScenario).Assembly.GetTypes()
        .Where(t => typeof(IEngineScenario).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (IEngineScenario)Activator.CreateInstance(t)!)
        .ToDictionary(s => s.Resource, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every resource of HgsDsc, for [MemberData].</summary>
    public static IEnumerable<object[]> ResourceNames() =>
        HgsDsc.Common.DscResourceDescriptor.All.Select(r => new object[] { r.Name });
}

/// <summary>For resources that reach the node only through PowerShell stubs.</summary>
public sealed class NothingReplaced : IDisposable
{
    public void Dispose()
    {
    }
}
