using System.Collections;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.PowerShell;
using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Common.Accounts;

/// <summary>
/// KeyProtectionAppPool with the real RunspaceCommandInvoker, in a real runspace, against the
/// IIS stub modules: the cmdlets are found, called with their documented parameters, and every
/// output shape IIS can come back in is read.
/// </summary>
public sealed class KeyProtectionAppPoolStubTests : IDisposable
{
    private readonly PowerShellSession session = new();

    public void Dispose() => session.Dispose();

    private static KeyProtectionAppPool Pool() => new(new RunspaceCommandInvoker());

    private void UseIisStub(string shape, Hashtable? pools = null)
    {
        session.Run("$global:IisStub = $args[0]; $global:HgsStubCalls = [System.Collections.Generic.List[object]]::new()", new Hashtable
        {
            ["Shape"] = shape,
            ["AppPools"] = pools ?? new Hashtable
            {
                ["KeyProtection"] = new Hashtable { ["UserName"] = "CONTOSO\\hgs-gmsa$" },
                ["AttestationAppPool"] = new Hashtable { ["IdentityType"] = "ApplicationPoolIdentity", ["UserName"] = "" },
            },
        });
        session.ImportStub("IISAdministration");
        session.ImportStub("WebAdministration");
    }

    [Theory]
    [InlineData("Live")]
    [InlineData("Deserialized")]
    [InlineData("Flattened")]
    public void Reads_the_identity_whatever_shape_IIS_returns(string shape)
    {
        UseIisStub(shape);

        var identity = session.AsCaller(() => Pool().GetAppPoolIdentity());

        Assert.Equal("CONTOSO\\hgs-gmsa$", identity);
        var calls = session.StubCalls();
        Assert.Equal("KeyProtection", ((string[])calls.First(c => c.Command == "Get-IISAppPool").Parameters["Name"]!).Single());
        Assert.Equal(shape == "Flattened", calls.Any(c => c.Command == "Get-WebConfigurationProperty"));
    }

    [Fact]
    public void A_missing_KeyProtection_pool_is_a_clear_error()
    {
        UseIisStub("Live", new Hashtable { ["DefaultAppPool"] = new Hashtable { ["UserName"] = "" } });

        var error = Assert.Throws<NodeOperationException>(() => session.AsCaller(() => Pool().GetAppPoolIdentity()));

        Assert.Equal("KeyProtectionAppPoolMissing", error.ErrorId);
        Assert.Contains("Initialize-HgsServer", error.Message);
    }

    [Fact]
    public void A_node_without_the_IIS_modules_gets_the_clear_prerequisite_error()
    {
        var error = Assert.ThrowsAny<NodePrerequisiteException>(() => session.AsCaller(() => Pool().GetAppPoolIdentity()));

        Assert.Equal(Platform.IsWindows ? "IisModuleMissing" : "WindowsOnly", error.ErrorId);
        Assert.Contains("Get-IISAppPool", error.Message);
    }

    [Fact]
    public void Recycle_restarts_the_KeyProtection_pool()
    {
        UseIisStub("Live");

        session.AsCaller(() => Pool().Recycle());

        Assert.Equal(1, session.Run("$global:IisStub.AppPools.KeyProtection.Recycled").Single().BaseObject);
        var call = Assert.Single(session.StubCalls(), c => c.Command == "Restart-WebAppPool");
        Assert.Equal("KeyProtection", call.Parameters["Name"]);
    }

    [Fact]
    public void A_failing_recycle_surfaces_the_cmdlet_message()
    {
        UseIisStub("Live");
        session.Run("$global:IisStub.Fail = @{ 'Restart-WebAppPool' = 'The service is stopping.' }");

        var error = Assert.Throws<NodeOperationException>(() => session.AsCaller(() => Pool().Recycle()));

        Assert.Equal("KeyProtectionAppPoolFailed", error.ErrorId);
        Assert.Contains("The service is stopping.", error.Message);
    }
}
