using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Resources.HgsTrustedTpmRoots;

// Times HgsTrustedTpmRoots on a package of about 3000 certificates (10 vendors, each one root
// and 299 intermediates, half DER and half PEM) against real, directory-backed CurrentUser
// stores with names of its own, which it removes at the end.
// Usage: dotnet run -c Release --project tests/HgsDsc.Benchmarks [vendors] [intermediatesPerVendor] [repetitions]
//        dotnet run -c Release --project tests/HgsDsc.Benchmarks engine [calls]   (see EngineBenchmark.cs)
if (args.Length > 0 && args[0] == "engine")
{
    EngineBenchmark.Run(args.Skip(1).ToArray());
    return;
}

var vendors = args.Length > 0 ? int.Parse(args[0]) : 10;
var perVendor = args.Length > 1 ? int.Parse(args[1]) : 299;
var repetitions = args.Length > 2 ? int.Parse(args[2]) : 5;

var id = Guid.NewGuid().ToString("N");
var rootStore = "HgsDscBench_" + id + "_RootCA";
var intermediateStore = "HgsDscBench_" + id + "_IntermediateCA";
var packageFolder = Path.Combine(Path.GetTempPath(), "HgsDsc.Benchmarks." + id);
var cabinet = Path.Combine(Path.GetTempPath(), "HgsDsc.Benchmarks." + id + ".TrustedTpm.cab");
var stores = new X509TpmRootStores(StoreLocation.CurrentUser, rootStore, intermediateStore);

try
{
    var build = Stopwatch.StartNew();
    var total = BuildPackage(packageFolder, vendors, perVendor, out var firstIntermediate);
    Console.WriteLine($"Package: {vendors} vendors, {total} certificates, built in {build.Elapsed.TotalSeconds:F1} s ({packageFolder})");
    Console.WriteLine($"Runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {Environment.ProcessorCount} CPU(s)");
    Console.WriteLine();

    HgsTrustedTpmRoots Resource(bool purge = false) => new(stores) { Path = packageFolder, Purge = purge };

    var reader = new TrustedTpmPackageReader(new ExpandExeCabinetExtractor(), new Quiet());
    Time("Package read, roots' names checked (Test)", repetitions, () => reader.Read(packageFolder, verifyRootSignatures: false));
    Time("Package read, roots' signatures verified (Get, Set)", repetitions, () => reader.Read(packageFolder));
    Time("Test, stores missing (out of state)", repetitions, () => Expect(!Resource().Test()));
    Time("Set from nothing (installs every certificate)", 1, () => Resource().Set());
    Time("Both stores read into thumbprint indexes", repetitions, () =>
    {
        stores.Read(TrustedTpmStore.RootCA);
        stores.Read(TrustedTpmStore.IntermediateCA);
    });
    Time("Test, in the desired state", repetitions, () => Expect(Resource().Test()));
    Time("Get, in the desired state", repetitions, () => Expect(Resource().Get().MissingCount == 0));

    using (var store = new X509Store(intermediateStore, StoreLocation.CurrentUser))
    {
        store.Open(OpenFlags.ReadWrite);
        store.Remove(firstIntermediate);
    }

    Time("Test, one intermediate missing", repetitions, () => Expect(!Resource().Test()));
    Time("Set, adds the one missing intermediate", 1, () => Resource().Set());
    Time("Test with Purge, in the desired state", repetitions, () => Expect(Resource(purge: true).Test()));

    // A .cab Path is expanded into a temporary folder on every Test. expand.exe exists only on
    // Windows; the stand-in writes the same files (copies of the package), so the figure is the
    // cost around expand.exe (temporary folder, files written, read and deleted), not its own.
    File.WriteAllBytes(cabinet, new byte[] { 0x4D, 0x53, 0x43, 0x46 });
    var standIn = new CopyingCabinetExtractor(packageFolder);
    Time("Test from a .cab, desired state (stand-in expansion)", repetitions, () => Expect(new HgsTrustedTpmRoots(stores, standIn) { Path = cabinet }.Test()));
    Time("  of which the stand-in expansion (copying the files)", repetitions, () =>
    {
        var target = Path.Combine(Path.GetTempPath(), "HgsDsc.Benchmarks.Copy." + Guid.NewGuid().ToString("N"));
        standIn.Extract(cabinet, target);
        Directory.Delete(target, recursive: true);
    });
}
finally
{
    foreach (var name in new[] { rootStore, intermediateStore })
    {
        using (var store = new X509Store(name, StoreLocation.CurrentUser))
        {
            store.Open(OpenFlags.ReadWrite);
            store.RemoveRange(store.Certificates);
        }

        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "corefx", "cryptography", "x509stores", name.ToLowerInvariant());
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    if (Directory.Exists(packageFolder))
    {
        Directory.Delete(packageFolder, recursive: true);
    }

    File.Delete(cabinet);
}

static void Time(string what, int repetitions, Action action)
{
    var times = new List<double>();
    for (var i = 0; i < repetitions; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine(repetitions == 1
        ? $"{what,-50} {median,9:F0} ms"
        : $"{what,-50} {median,9:F0} ms median of {repetitions} (min {times[0]:F0}, max {times[^1]:F0})");
}

static void Expect(bool condition)
{
    if (!condition)
    {
        throw new InvalidOperationException("The resource did not report the expected state.");
    }
}

static int BuildPackage(string folder, int vendors, int perVendor, out X509Certificate2 firstIntermediate)
{
    firstIntermediate = null!;
    Directory.CreateDirectory(folder);
    File.WriteAllText(Path.Combine(folder, "setup.ps1"), "# benchmark package\n");
    var count = 0;
    for (var v = 0; v < vendors; v++)
    {
        var vendor = "Vendor" + v.ToString("D2");
        Directory.CreateDirectory(Path.Combine(folder, vendor, "RootCA"));
        Directory.CreateDirectory(Path.Combine(folder, vendor, "IntermediateCA"));
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=" + vendor + " TPM Root, O=" + vendor, rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
        File.WriteAllBytes(Path.Combine(folder, vendor, "RootCA", "root.cer"), root.RawData);
        count++;

        var generator = X509SignatureGenerator.CreateForECDsa(rootKey);
        for (var i = 0; i < perVendor; i++)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + vendor + " TPM CA " + i + ", O=" + vendor, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var issued = request.Create(root.SubjectName, generator, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10), BitConverter.GetBytes(i + 1));
            var file = Path.Combine(folder, vendor, "IntermediateCA", "ca" + i + (i % 2 == 0 ? ".cer" : ".crt"));
            if (i % 2 == 0)
            {
                File.WriteAllBytes(file, issued.RawData);
            }
            else
            {
                File.WriteAllText(file, issued.ExportCertificatePem());
            }

            if (v == 0 && i == 0)
            {
                firstIntermediate = X509CertificateLoader.LoadCertificate(issued.RawData);
            }

            count++;
        }
    }

    return count;
}

/// <summary>Stands in for expand.exe off Windows: writes a copy of the package's files where the cabinet would be expanded.</summary>
internal sealed class CopyingCabinetExtractor : ICabinetExtractor
{
    private readonly string source;

    public CopyingCabinetExtractor(string source)
    {
        this.source = source;
    }

    public string? WhyUnavailable() => null;

    public void Extract(string cabinet, string destination)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}

/// <summary>Drops the resource's verbose messages so that console output does not distort the timings.</summary>
internal sealed class Quiet : HgsDsc.Common.IDscLog
{
    public void Verbose(string message)
    {
    }

    public void Warning(string message)
    {
    }
}
