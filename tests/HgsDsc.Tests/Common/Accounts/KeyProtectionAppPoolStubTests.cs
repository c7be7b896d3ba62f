using System.Collections;
using System.Management.Automation;
using HgsDsc.Common;
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
    private const string NewPool = "[HgsDsc.Common.Accounts.KeyProtectionAppPool]::new([HgsDsc.Common.PowerShell.RunspaceCommandInvoker]::new())";

    private readonly PowerShellSession session = new();

    public void Dispose() => session.Dispose();

    private void UseIisStub(string shape, Hashtable? pools = null)
    {
        var settings = new Hashtable
        {
            ["Shape"] = shape,
            ["AppPools"] = pools ?? new Hashtable
            {
                ["KeyProtection"] = new Hashtable { ["UserName"] = "CONTOSO\\hgs-gmsa$" },
                ["AttestationAppPool"] = new Hashtable { ["IdentityType"] = "ApplicationPoolIdentity", ["UserName"] = "" },
            },
        };
        session.Run("$global:IisStub = $args[0]; $global:HgsStubCalls = [System.Collections.Generic.List[object]]::new(); Import-Module IISAdministration, WebAdministration -Force", settings);
    }

    [Theory]
    [InlineData("Live")]
    [InlineData("Deserialized")]
    [InlineData("Flattened")]
    public void Reads_the_identity_whatever_shape_IIS_returns(string shape)
    {
        UseIisStub(shape);

        var identity = session.Run($"{NewPool}.GetAppPoolIdentity()").Single().BaseObject;

        Assert.Equal("CONTOSO\\hgs-gmsa$", identity);
        var calls = session.StubCalls();
        Assert.Equal("KeyProtection", ((string[])calls.First(c => c.Command == "Get-IISAppPool").Parameters["Name"]!).Single());
        Assert.Equal(shape == "Flattened", calls.Any(c => c.Command == "Get-WebConfigurationProperty"));
    }

    [Fact]
    public void A_missing_KeyProtection_pool_is_a_clear_error()
    {
        UseIisStub("Live", new Hashtable { ["DefaultAppPool"] = new Hashtable { ["UserName"] = "" } });

        var error = Assert.Throws<PowerShellErrorException>(() => session.Run($"{NewPool}.GetAppPoolIdentity()"));

        var cause = Assert.IsType<NodeOperationException>(error.Record.Exception.InnerException);
        Assert.Equal("KeyProtectionAppPoolMissing", cause.ErrorId);
        Assert.Contains("Initialize-HgsServer", cause.Message);
    }

    [Fact]
    public void Recycle_restarts_the_KeyProtection_pool()
    {
        UseIisStub("Live");

        session.Run($"{NewPool}.Recycle()");

        Assert.Equal(1, session.Run("$global:IisStub.AppPools.KeyProtection.Recycled").Single().BaseObject);
        var call = Assert.Single(session.StubCalls(), c => c.Command == "Restart-WebAppPool");
        Assert.Equal("KeyProtection", call.Parameters["Name"]);
    }

    [Fact]
    public void A_failing_recycle_surfaces_the_cmdlet_message()
    {
        UseIisStub("Live");
        session.Run("$global:IisStub.Fail = @{ 'Restart-WebAppPool' = 'The service is stopping.' }");

        var error = Assert.Throws<PowerShellErrorException>(() => session.Run($"{NewPool}.Recycle()"));

        var cause = Assert.IsType<NodeOperationException>(error.Record.Exception.InnerException);
        Assert.Equal("KeyProtectionAppPoolFailed", cause.ErrorId);
        Assert.Contains("The service is stopping.", cause.Message);
    }
}
