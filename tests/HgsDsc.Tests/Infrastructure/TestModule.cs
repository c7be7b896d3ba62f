namespace HgsDsc.Tests.Infrastructure;

/// <summary>
/// The HgsDsc module the engine tests load. The build points HGSDSC_MODULE_PATH at the module
/// it produced (output/module/HgsDsc/&lt;version&gt;), so that the tests exercise the shipped files;
/// a plain 'dotnet test' assembles the same layout from the repository and the dll under test.
/// </summary>
public static class TestModule
{
    private static readonly Lazy<string> Folder = new(Locate);

    /// <summary>The module folder (holding HgsDsc.psd1, HgsDsc.psm1, HgsDsc.dll and the strings).</summary>
    public static string Directory => Folder.Value;

    public static string ManifestPath => Path.Combine(Directory, "HgsDsc.psd1");

    public static string RootModulePath => Path.Combine(Directory, "HgsDsc.psm1");

    private static string Locate()
    {
        var built = Environment.GetEnvironmentVariable("HGSDSC_MODULE_PATH");
        if (!string.IsNullOrEmpty(built))
        {
            if (!File.Exists(Path.Combine(built, "HgsDsc.psd1")))
            {
                throw new InvalidOperationException($"HGSDSC_MODULE_PATH is '{built}', which holds no HgsDsc.psd1.");
            }

            return built;
        }

        var target = Path.Combine(Path.GetTempPath(), "HgsDsc.Tests." + Environment.ProcessId, "HgsDsc");
        System.IO.Directory.CreateDirectory(target);
        File.Copy(RepositoryPaths.Manifest, Path.Combine(target, "HgsDsc.psd1"), true);
        File.Copy(RepositoryPaths.RootModule, Path.Combine(target, "HgsDsc.psm1"), true);
        File.Copy(Path.Combine(RepositoryPaths.CoreOutput, "HgsDsc.dll"), Path.Combine(target, "HgsDsc.dll"), true);
        foreach (var strings in System.IO.Directory.GetFiles(RepositoryPaths.CoreOutput, "*.strings.psd1", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.CoreOutput, strings);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(strings, Path.Combine(target, relative), true);
        }

        return target;
    }
}
