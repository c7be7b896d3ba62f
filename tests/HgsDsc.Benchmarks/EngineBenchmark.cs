using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

/// <summary>
/// What one Test costs when an engine calls it: the generated PowerShell class, the bridge
/// cmdlet, the C# resource and the HGS cmdlets (here the stub module, which answers at once,
/// so the figure is HgsDsc's own overhead). Engines call Test every 15 minutes on every node.
/// </summary>
internal static class EngineBenchmark
{
    private static readonly (string Resource, string Properties)[] Cases =
    {
        ("HgsAttestationMode", "@{ IsSingleInstance = 'Yes'; Mode = 'Tpm' }"),
        ("HgsDumpPolicy", "@{ IsSingleInstance = 'Yes'; Policy = 'NoDumps' }"),
    };

    public static void Run(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0]) : 200;
        var root = FindRoot();
        var module = Environment.GetEnvironmentVariable("HGSDSC_MODULE_PATH")
            ?? Directory.GetDirectories(Path.Combine(root, "output", "module", "HgsDsc")).OrderBy(d => d).LastOrDefault()
            ?? throw new InvalidOperationException("Build the module first: dotnet pwsh ./build.ps1 -Tasks build");
        Console.WriteLine($"Module: {module}");
        Console.WriteLine($"Runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} CPU(s); {calls} calls each");
        Console.WriteLine();

        foreach (var (resource, properties) in Cases)
        {
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Invoke(runspace, $"$global:HgsStub = @{{ Mode = 'Tpm' }}; Import-Module -Name '{Path.Combine(root, "tests", "Stubs", "HgsServer")}'");
            Invoke(runspace, $"using module \"{Path.Combine(module, "HgsDsc.psd1")}\"\n$global:resource = [{resource}]::new(); $p = {properties}; foreach ($k in $p.Keys) {{ $global:resource.$k = $p[$k] }}");
            Invoke(runspace, "$null = $global:resource.Test()");

            var times = new List<double>();
            for (var i = 0; i < calls; i++)
            {
                var watch = Stopwatch.StartNew();
                Invoke(runspace, "$null = $global:resource.Test()");
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"{resource + ".Test()",-28} median {times[times.Count / 2],7:F2} ms   p95 {times[(int)(times.Count * 0.95)],7:F2} ms   max {times[^1],7:F2} ms");
        }
    }

    private static void Invoke(Runspace runspace, string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script).Invoke();
        if (ps.HadErrors)
        {
            throw new InvalidOperationException(ps.Streams.Error[0].ToString());
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HgsDsc.build.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks inside the HgsDsc repository.");
    }
}
