using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Resources.HgsAttestationMode;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;
using Xunit;

namespace HgsDsc.Tests.Conformance;

/// <summary>What reaches the engine when a resource fails in a way nobody planned for.</summary>
[Collection(EngineCollection.Name)]
public sealed class BridgeErrorTests
{
    [Fact]
    public void An_unexpected_exception_becomes_one_typed_error_naming_the_resource_and_method()
    {
        var server = Substitute.For<IHgsAttestationServer>();
        server.GetAttestationOperationMode().Returns(_ => throw new NullReferenceException("boom"));
        using var replaced = NodeServices.Replace(() => server);
        using var session = new PowerShellSession();
        session.Run($"using module \"{TestModule.ManifestPath}\"");

        var record = (ErrorRecord)session.Run(
            "$r = [HgsAttestationMode]::new(); $r.IsSingleInstance = 'Yes'; $r.Mode = 'Tpm'; try { $r.Test() } catch { $_ }").Single().BaseObject;

        Assert.Equal("UnexpectedError,HgsDsc.Commands.InvokeHgsDscResourceMethodCommand", record.FullyQualifiedErrorId);
        Assert.Contains("HgsAttestationMode.Test()", record.Exception.Message);
        Assert.Contains("NullReferenceException: boom", record.Exception.Message);
        Assert.Contains("(HGS0031)", record.Exception.Message);
    }
}
