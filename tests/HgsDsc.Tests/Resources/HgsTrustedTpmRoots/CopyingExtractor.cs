using HgsDsc.Resources.HgsTrustedTpmRoots;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>Stands in for expand.exe off Windows: copies a package tree into the destination, and counts how often it is asked to.</summary>
internal sealed class CopyingExtractor : ICabinetExtractor
{
    private readonly string source;
    private readonly bool wrapInFolder;

    public CopyingExtractor(string source, bool wrapInFolder)
    {
        this.source = source;
        this.wrapInFolder = wrapInFolder;
    }

    public string? Destination { get; private set; }

    public int Extractions { get; private set; }

    public string? Failure { get; init; }

    public string? Unavailable { get; init; }

    public string? WhyUnavailable() => Unavailable;

    public void Extract(string cabinet, string destination)
    {
        Extractions++;
        Destination = destination;
        if (Failure != null)
        {
            throw new IOException(Failure);
        }

        var target = wrapInFolder ? Path.Combine(destination, "TrustedTpm") : destination;
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".cab", StringComparison.Ordinal)))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
