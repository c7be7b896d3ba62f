using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.PowerShell;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;
using Platform = HgsDsc.Common.Platform;

namespace HgsDsc.Tests.Common.Accounts;

/// <summary>How KeyProtectionAppPool reads the IIS cmdlets' output, with a substitute PowerShell.</summary>
public sealed class KeyProtectionAppPoolTests
{
    private readonly ICommandInvoker invoker = Substitute.For<ICommandInvoker>();
    private readonly KeyProtectionAppPool pool;

    public KeyProtectionAppPoolTests()
    {
        invoker.CommandExists(Arg.Any<string>(), Arg.Any<string?>()).Returns(true);
        pool = new KeyProtectionAppPool(invoker);
    }

    private static PSObject Bag(params (string Name, object? Value)[] properties)
    {
        var bag = new PSObject();
        foreach (var (name, value) in properties)
        {
            bag.Properties.Add(new PSNoteProperty(name, value));
        }

        return bag;
    }

    private void PoolReturns(params PSObject[] output) =>
        invoker.Invoke("Get-IISAppPool", Arg.Is<IDictionary<string, object?>>(p => (string)p["Name"]! == "KeyProtection")).Returns(output);

    [Fact]
    public void Reads_ProcessModel_UserName_of_the_KeyProtection_pool()
    {
        PoolReturns(Bag(("Name", "KeyProtection"), ("ProcessModel", Bag(("IdentityType", "SpecificUser"), ("UserName", " CONTOSO\\hgs-gmsa$ ")))));

        Assert.Equal("CONTOSO\\hgs-gmsa$", pool.GetAppPoolIdentity());
        invoker.Received(1).CommandExists("Get-IISAppPool", "IISAdministration");
        invoker.DidNotReceive().Invoke("Get-WebConfigurationProperty", Arg.Any<IDictionary<string, object?>>());
    }

    [Fact]
    public void Reads_a_live_process_model_object()
    {
        PoolReturns(Bag(("Name", "KeyProtection"), ("ProcessModel", new LiveProcessModel { UserName = "CONTOSO\\hgs-gmsa$" })));

        Assert.Equal("CONTOSO\\hgs-gmsa$", pool.GetAppPoolIdentity());
    }

    [Fact]
    public void A_flattened_ProcessModel_is_read_from_the_IIS_configuration_instead()
    {
        PoolReturns(Bag(("Name", "KeyProtection"), ("ProcessModel", "Microsoft.Web.Administration.ApplicationPoolProcessModel")));
        invoker.Invoke("Get-WebConfigurationProperty", Arg.Any<IDictionary<string, object?>>())
            .Returns(new[] { Bag(("Name", "userName"), ("Value", "CONTOSO\\hgs-gmsa$")) });

        Assert.Equal("CONTOSO\\hgs-gmsa$", pool.GetAppPoolIdentity());
        invoker.Received(1).Invoke("Get-WebConfigurationProperty", Arg.Is<IDictionary<string, object?>>(p =>
            (string)p["PSPath"]! == "MACHINE/WEBROOT/APPHOST"
            && (string)p["Filter"]! == "system.applicationHost/applicationPools/add[@name='KeyProtection']/processModel"
            && (string)p["Name"]! == "userName"));
    }

    [Fact]
    public void A_flattened_ProcessModel_without_WebAdministration_is_a_clear_error()
    {
        PoolReturns(Bag(("Name", "KeyProtection"), ("ProcessModel", "Microsoft.Web.Administration.ApplicationPoolProcessModel")));
        invoker.CommandExists("Get-WebConfigurationProperty", "WebAdministration").Returns(false);

        var error = Assert.Throws<NodePrerequisiteException>(() => pool.GetAppPoolIdentity());

        Assert.Equal("KeyProtectionAppPoolUnreadable", error.ErrorId);
        Assert.Contains("WebAdministration", error.Message);
        Assert.Contains("Web-Scripting-Tools", error.Message);
        Assert.Contains("name the KeyProtection account explicitly", error.Message);
    }

    [Fact]
    public void A_missing_pool_names_the_pool_and_the_fix()
    {
        PoolReturns();

        var error = Assert.Throws<NodeOperationException>(() => pool.GetAppPoolIdentity());

        Assert.Equal("KeyProtectionAppPoolMissing", error.ErrorId);
        Assert.Contains("'KeyProtection'", error.Message);
        Assert.Contains("Initialize-HgsServer", error.Message);
        Assert.Contains("name the account explicitly", error.Message);
    }

    [Theory]
    [InlineData("ApplicationPoolIdentity", "")]
    [InlineData("NetworkService", null)]
    public void A_pool_without_a_user_name_is_a_clear_error_naming_its_identity_type(string identityType, string? userName)
    {
        PoolReturns(Bag(("Name", "KeyProtection"), ("ProcessModel", Bag(("IdentityType", identityType), ("UserName", userName)))));

        var error = Assert.Throws<NodeOperationException>(() => pool.GetAppPoolIdentity());

        Assert.Equal("KeyProtectionAppPoolNoAccount", error.ErrorId);
        Assert.Contains(identityType, error.Message);
        Assert.Contains("group managed service account", error.Message);
    }

    [Fact]
    public void A_missing_IIS_module_names_the_module_and_the_fix()
    {
        invoker.CommandExists("Get-IISAppPool", "IISAdministration").Returns(false);

        var error = Assert.ThrowsAny<NodePrerequisiteException>(() => pool.GetAppPoolIdentity());

        if (Platform.IsWindows)
        {
            Assert.Equal("IisModuleMissing", error.ErrorId);
            Assert.Contains("IISAdministration", error.Message);
            Assert.Contains("Install-WindowsFeature -Name Web-Scripting-Tools", error.Message);
        }
        else
        {
            Assert.Equal("WindowsOnly", error.ErrorId);
            Assert.Contains("Get-IISAppPool", error.Message);
        }

        invoker.DidNotReceiveWithAnyArgs().Invoke(default!, default);
    }

    [Fact]
    public void A_failing_cmdlet_is_reported_with_its_cause()
    {
        invoker.Invoke("Get-IISAppPool", Arg.Any<IDictionary<string, object?>>())
            .Throws(new NodeOperationException("CommandFailed", "Access is denied."));

        var error = Assert.Throws<NodeOperationException>(() => pool.GetAppPoolIdentity());

        Assert.Equal("KeyProtectionAppPoolFailed", error.ErrorId);
        Assert.Contains("Get-IISAppPool", error.Message);
        Assert.Contains("Access is denied.", error.Message);
    }

    [Fact]
    public void Recycle_runs_Restart_WebAppPool_for_KeyProtection()
    {
        pool.Recycle();

        invoker.Received(1).CommandExists("Restart-WebAppPool", "WebAdministration");
        invoker.Received(1).Invoke("Restart-WebAppPool", Arg.Is<IDictionary<string, object?>>(p => p.Count == 1 && (string)p["Name"]! == "KeyProtection"));
    }

    /// <summary>Shaped like Microsoft.Web.Administration.ApplicationPoolProcessModel.</summary>
    public sealed class LiveProcessModel
    {
        public string IdentityType { get; set; } = "SpecificUser";

        public string? UserName { get; set; }
    }
}
