using System.Management.Automation;
using HgsDsc.Resources.HgsTrustedTpmRoots;
using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>Test-HgsPlatformIdentifier as an administrator runs it: from the imported HgsDsc module.</summary>
public sealed class TestHgsPlatformIdentifierCommandTests : IDisposable
{
    private readonly TestStores stores = new();
    private readonly PowerShellSession session = new();
    private readonly string folder = Directory.CreateTempSubdirectory("HgsDsc.Tests.PlatformIdCmd.").FullName;
    private readonly TestCa vendorRoot = TestCa.Root("Contoso TPM Root CA");
    private readonly TestCa vendorIntermediate;

    public TestHgsPlatformIdentifierCommandTests()
    {
        vendorIntermediate = vendorRoot.IssueCa("Contoso TPM Manufacturing CA 003");
        session.Run("Import-Module $args[0] -Force", TestModule.ManifestPath);
    }

    public void Dispose()
    {
        session.Dispose();
        stores.Dispose();
        Directory.Delete(folder, recursive: true);
        vendorIntermediate.Dispose();
        vendorRoot.Dispose();
    }

    private string TestStoreArguments => "-StoreLocation CurrentUser -RootStoreName '" + stores.RootName + "' -IntermediateStoreName '" + stores.IntermediateName + "'";

    [Fact]
    public void The_module_exports_the_command()
    {
        var command = session.Run("Get-Command Test-HgsPlatformIdentifier -Module HgsDsc").Single();

        Assert.Equal("Test-HgsPlatformIdentifier", ((CommandInfo)command.BaseObject).Name);
    }

    [Fact]
    public void Checks_every_file_piped_to_it_and_explains_each_case()
    {
        stores.Install(TrustedTpmStore.RootCA, vendorRoot.Certificate);
        stores.Install(TrustedTpmStore.IntermediateCA, vendorIntermediate.Certificate);
        using var ek = vendorIntermediate.IssueEk();
        using var foreignRoot = TestCa.Root("Fabrikam TPM Root");
        using var foreignEk = foreignRoot.IssueEk();
        PlatformIdentifierXml.Write(folder, "a-trusted", ek);
        PlatformIdentifierXml.Write(folder, "b-untrusted", foreignEk);
        PlatformIdentifierXml.Write(folder, "c-noekcert", null, string.Empty);

        var reports = session.Run("Get-ChildItem -Path $args[0] -Filter *.xml | Sort-Object Name | Test-HgsPlatformIdentifier " + TestStoreArguments, folder)
            .Select(o => (PlatformIdentifierReport)o.BaseObject)
            .ToArray();

        Assert.Equal(
            new[] { PlatformIdentifierStatus.Trusted, PlatformIdentifierStatus.Untrusted, PlatformIdentifierStatus.NoEKCert },
            reports.Select(r => r.Status));
        Assert.Equal(foreignRoot.Subject, reports[1].MissingIssuer);
        Assert.Contains("elevated", reports[2].Message);
    }

    [Fact]
    public void A_relative_path_is_resolved_from_the_PowerShell_location()
    {
        using var ek = vendorIntermediate.IssueEk();
        PlatformIdentifierXml.Write(folder, "relative", ek);

        var report = (PlatformIdentifierReport)session.Run("Set-Location $args[0]; Test-HgsPlatformIdentifier -Path relative.xml " + TestStoreArguments, folder).Single().BaseObject;

        Assert.Equal(Path.Combine(folder, "relative.xml"), report.Path);
        Assert.Equal(PlatformIdentifierStatus.Untrusted, report.Status);
    }

    [Fact]
    public void A_bad_file_is_a_non_terminating_error_and_the_others_are_still_checked()
    {
        using var ek = vendorIntermediate.IssueEk();
        var good = PlatformIdentifierXml.Write(folder, "good", ek);
        var missing = Path.Combine(folder, "missing.xml");

        var result = session.Run(
            "$r = Test-HgsPlatformIdentifier -Path $args[0], $args[1] " + TestStoreArguments + " -ErrorAction SilentlyContinue -ErrorVariable problems; " +
            "[pscustomobject]@{ Reports = @($r).Count; ErrorId = $problems[0].FullyQualifiedErrorId; Message = $problems[0].Exception.Message }",
            missing,
            good).Single();

        Assert.Equal(1, result.Properties["Reports"].Value);
        Assert.StartsWith("PlatformIdentifierNotFound", (string)result.Properties["ErrorId"].Value);
        Assert.Contains("HTR0055", (string)result.Properties["Message"].Value);
    }
}
