namespace HgsDsc.Tests.Infrastructure;

/// <summary>Where things are in the repository and in the built module, for the tests.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Source => Path.Combine(Root, "source");

    public static string RootModule => Path.Combine(Source, "HgsDsc.psm1");

    public static string Manifest => Path.Combine(Root, "HgsDsc.psd1");

    public static string Stubs => Path.Combine(Root, "tests", "Stubs");

    /// <summary>The directory of HgsDsc.dll under test, with its strings.</summary>
    public static string CoreOutput => Path.GetDirectoryName(typeof(HgsDsc.Common.HgsDscReason).Assembly.Location)!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HgsDsc.build.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the HgsDsc repository (no HgsDsc.build.yaml above " + AppContext.BaseDirectory + ").");
    }
}
