using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>
/// The generated PowerShell class, called the way PSDesiredStateConfiguration 2.0.7 calls it
/// ('using module', [HgsTrustedTpmRoots]::new(), properties assigned, then Get/Test). The class
/// always uses the LocalMachine stores, so off Windows the reachable outcomes are the input
/// errors and the clear Windows-only error; on Windows, Get reads the real stores. In the engine
/// collection because the conformance scenario replaces the stores through NodeServices.
/// </summary>
[Collection(HgsDsc.Tests.Conformance.EngineCollection.Name)]
public sealed class HgsTrustedTpmRootsEngineTests : IDisposable
{
    private readonly TestPackage package = new();
    private readonly TestCa root = TestCa.Root("Intel Engine Root");
    private readonly PowerShellSession session = new();

    public HgsTrustedTpmRootsEngineTests()
    {
        package.AddRoot("Intel", root.Certificate);
    }

    public void Dispose()
    {
        session.Dispose();
        package.Dispose();
        root.Dispose();
    }

    private (IReadOnlyList<System.Management.Automation.PSObject> Output, Exception? Error) Invoke(string method, string path, string vendor)
    {
        var script =
            "using module '" + TestModule.ManifestPath.Replace("'", "''") + "'\n" +
            "$resource = [HgsTrustedTpmRoots]::new()\n" +
            "$resource.Path = $args[0]\n" +
            "$resource.Vendor = $args[1]\n" +
            "$resource.Purge = 'True'\n" +
            "$resource." + method + "()";
        try
        {
            return (session.Run(script, path, vendor), null);
        }
        catch (PowerShellErrorException e)
        {
            return (Array.Empty<System.Management.Automation.PSObject>(), e.Record.Exception);
        }
    }

    [Fact]
    public void An_unknown_vendor_reaches_the_engine_as_the_clear_error()
    {
        var (_, error) = Invoke("Test", package.Root, "Nuvoton");

        Assert.NotNull(error);
        Assert.Contains("HTR0033", error!.Message);
        Assert.Contains("The vendors present are: Intel", error.Message);
    }

    [Fact]
    public void A_missing_package_reaches_the_engine_as_the_clear_error()
    {
        var (_, error) = Invoke("Get", Path.Combine(package.Root, "missing"), "Intel");

        Assert.NotNull(error);
        Assert.Contains("HTR0001", error!.Message);
    }

    [Fact]
    public void A_valid_configuration_reads_the_LocalMachine_stores_or_says_they_need_Windows()
    {
        var (output, error) = Invoke("Get", package.Root, "intel");

        if (HgsDsc.Common.Platform.IsWindows)
        {
            Assert.Null(error);
            var state = Assert.Single(output);
            Assert.Equal(new[] { "Intel" }, (string[])state.Properties["Vendor"].Value);
            Assert.NotNull(state.Properties["RootCACount"].Value);
        }
        else
        {
            Assert.NotNull(error);
            Assert.Contains("HGS0013", error!.Message);
            Assert.Contains("LocalMachine\\TrustedTPM_RootCA", error.Message);
        }
    }
}
