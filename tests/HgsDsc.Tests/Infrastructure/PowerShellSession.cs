using System.Collections.ObjectModel;
using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PS = System.Management.Automation.PowerShell;

namespace HgsDsc.Tests.Infrastructure;

/// <summary>
/// A fresh runspace built the way PSDesiredStateConfiguration 2.0.7 builds it
/// (InitialSessionState.CreateDefault2). Stub modules are imported by path, never put on
/// PSModulePath, so a test without them sees a node without the HGS role.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace runspace;

    public PowerShellSession()
    {
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            // Stubs and the module are unsigned scripts; other systems have no execution policy.
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
    }

    public List<string> Verbose { get; } = new();

    public List<string> Warnings { get; } = new();


    /// <summary>Loads the stub HgsServer module with the given settings (see tests/Stubs/README.md).</summary>
    public Runspace Runspace => runspace;

    public void UseHgsStub(Hashtable settings)
    {
        Run("$global:HgsStub = $args[0]; $global:HgsStubCalls = [System.Collections.Generic.List[object]]::new()", settings);
        ImportStub("HgsServer");
    }

    /// <summary>Imports the stub module tests/Stubs/&lt;name&gt; into this runspace.</summary>
    public void ImportStub(string name) =>
        Run("Import-Module -Name $args[0] -Force -Global", Path.Combine(RepositoryPaths.Stubs, name));

    /// <summary>The calls the stubs recorded, as (command, parameters).</summary>
    public IReadOnlyList<(string Command, Hashtable Parameters)> StubCalls() =>
        Run("$global:HgsStubCalls")
            .Select(o => (Hashtable)o.BaseObject)
            .Select(h => ((string)h["Command"]!, (Hashtable)h["Parameters"]!))
            .ToList();

    /// <summary>Runs a script; a terminating error or any error record fails with its message.</summary>
    public IReadOnlyList<PSObject> Run(string script, params object?[] arguments)
    {
        using var ps = PS.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        foreach (var argument in arguments)
        {
            ps.AddArgument(argument);
        }

        Collection<PSObject> output;
        try
        {
            output = ps.Invoke();
        }
        finally
        {
            Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
            Warnings.AddRange(ps.Streams.Warning.Select(w => w.Message));
        }

        if (ps.Streams.Error.Count > 0)
        {
            throw new PowerShellErrorException(ps.Streams.Error[0]);
        }

        return output;
    }

    /// <summary>
    /// Runs C# code as if called from this runspace (as the delegating cmdlet is), so that
    /// RunspaceCommandInvoker reaches the stubs loaded here.
    /// </summary>
    public T AsCaller<T>(Func<T> action)
    {
        var previous = Runspace.DefaultRunspace;
        Runspace.DefaultRunspace = runspace;
        try
        {
            return action();
        }
        finally
        {
            Runspace.DefaultRunspace = previous;
        }
    }

    /// <summary>As <see cref="AsCaller{T}(Func{T})"/>, for code that returns nothing.</summary>
    public void AsCaller(Action action) => AsCaller(() =>
    {
        action();
        return 0;
    });

    public void Dispose() => runspace.Dispose();
}

/// <summary>An error record that a test script wrote, kept whole so tests can assert on its id and category.</summary>
public sealed class PowerShellErrorException : Exception
{
    public PowerShellErrorException(ErrorRecord record)
        : base(record.ToString(), record.Exception)
    {
        Record = record;
    }

    public ErrorRecord Record { get; }
}
