using HgsDsc.Common;
using HgsDsc.Resources.HgsAttestationMode;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;
using Xunit;
using Resource = HgsDsc.Resources.HgsAttestationMode.HgsAttestationMode;

namespace HgsDsc.Tests.Resources.HgsAttestationMode;

/// <summary>The logic of HgsAttestationMode, against a substitute HGS.</summary>
public sealed class HgsAttestationModeTests
{
    private readonly IHgsAttestationServer server = Substitute.For<IHgsAttestationServer>();
    private readonly RecordingLog log = new();

    public HgsAttestationModeTests()
    {
        server.SupportsMode(Arg.Any<AttestationMode>()).Returns(true);
        server.GetRegistrationCounts().Returns(new Dictionary<AttestationMode, int>());
    }

    private Resource Desired(AttestationMode? mode)
    {
        var resource = new Resource(server) { IsSingleInstance = "Yes", Mode = mode };
        resource.AttachLog(log);
        return resource;
    }

    private void Reports(params string[] modes)
    {
        server.GetAttestationOperationMode().Returns(modes[0], modes.Skip(1).ToArray());
    }

    [Theory]
    [InlineData("Tpm", AttestationMode.Tpm)]
    [InlineData("TPM", AttestationMode.Tpm)]
    [InlineData("AD", AttestationMode.ActiveDirectory)]
    [InlineData("ad", AttestationMode.ActiveDirectory)]
    [InlineData("ActiveDirectory", AttestationMode.ActiveDirectory)]
    [InlineData(" TrustActiveDirectory ", AttestationMode.ActiveDirectory)]
    [InlineData("HostKey", AttestationMode.HostKey)]
    public void Get_reads_every_spelling_of_the_mode(string reported, AttestationMode expected)
    {
        Reports(reported);

        var state = Desired(AttestationMode.Tpm).Get();

        Assert.Equal(expected, state.Mode);
        Assert.Equal("Yes", state.IsSingleInstance);
    }

    [Fact]
    public void Get_in_desired_state_has_no_reasons()
    {
        Reports("AD");

        var state = Desired(AttestationMode.ActiveDirectory).Get();

        Assert.NotNull(state.Reasons);
        Assert.Empty(state.Reasons!);
    }

    [Fact]
    public void Get_out_of_state_gives_one_reason_with_the_guide_remediation()
    {
        Reports("Tpm");

        var state = Desired(AttestationMode.ActiveDirectory).Get();

        var reason = Assert.Single(state.Reasons!);
        Assert.Equal("HgsAttestationMode:HgsAttestationMode:Mode", reason.Code);
        Assert.Contains("Set-HgsServer -TrustActiveDirectory", reason.Phrase);
        Assert.Contains("every node", reason.Phrase);
        Assert.Contains("10 minutes", reason.Phrase);
    }

    [Fact]
    public void Get_and_Test_never_change_the_node()
    {
        Reports("Tpm");
        var resource = Desired(AttestationMode.ActiveDirectory);

        resource.Get();
        Assert.False(resource.Test());

        server.DidNotReceive().SetAttestationMode(Arg.Any<AttestationMode>());
    }

    [Fact]
    public void Get_reports_the_registrations_of_each_mode()
    {
        Reports("AD");
        server.GetRegistrationCounts().Returns(new Dictionary<AttestationMode, int>
        {
            [AttestationMode.Tpm] = 3,
            [AttestationMode.ActiveDirectory] = 1,
        });

        var state = Desired(AttestationMode.ActiveDirectory).Get();

        Assert.Equal(3, state.TpmHostCount);
        Assert.Equal(1, state.HostGroupCount);
        Assert.Null(state.HostKeyCount);
    }

    [Theory]
    [InlineData("Tpm", AttestationMode.Tpm, true)]
    [InlineData("AD", AttestationMode.ActiveDirectory, true)]
    [InlineData("Tpm", AttestationMode.ActiveDirectory, false)]
    [InlineData("AD", AttestationMode.Tpm, false)]
    public void Test_compares_the_reported_mode(string reported, AttestationMode desired, bool expected)
    {
        Reports(reported);

        Assert.Equal(expected, Desired(desired).Test());
    }

    [Fact]
    public void Set_switches_the_mode_then_reads_it_again()
    {
        Reports("Tpm", "AD");

        Desired(AttestationMode.ActiveDirectory).Set();

        Received.InOrder(() =>
        {
            server.GetAttestationOperationMode();
            server.SetAttestationMode(AttestationMode.ActiveDirectory);
            server.GetAttestationOperationMode();
        });
        Assert.Contains(log.Verbose, m => m.Contains("10 minutes"));
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void Set_in_desired_state_changes_nothing()
    {
        Reports("Tpm");

        Desired(AttestationMode.Tpm).Set();

        server.DidNotReceive().SetAttestationMode(Arg.Any<AttestationMode>());
        server.Received(1).GetAttestationOperationMode();
    }

    [Fact]
    public void Set_twice_switches_once()
    {
        var mode = "Tpm";
        server.GetAttestationOperationMode().Returns(_ => mode);
        server.When(s => s.SetAttestationMode(AttestationMode.ActiveDirectory)).Do(_ => mode = "AD");

        Desired(AttestationMode.ActiveDirectory).Set();
        Desired(AttestationMode.ActiveDirectory).Set();

        server.Received(1).SetAttestationMode(AttestationMode.ActiveDirectory);
    }

    [Fact]
    public void Set_warns_and_does_not_fail_while_the_node_has_not_switched_yet()
    {
        Reports("Tpm", "Tpm");

        Desired(AttestationMode.ActiveDirectory).Set();

        var warning = Assert.Single(log.Warnings);
        Assert.Contains("10 minutes", warning);
    }

    [Fact]
    public void Set_of_HostKey_where_the_node_lacks_it_fails_naming_the_property_and_changes_nothing()
    {
        Reports("Tpm");
        server.SupportsMode(AttestationMode.HostKey).Returns(false);

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(AttestationMode.HostKey).Set());

        Assert.Equal("Mode", error.PropertyName);
        Assert.Contains("HostKey", error.Message);
        Assert.Contains("Windows Server 2019", error.Message);
        server.DidNotReceive().SetAttestationMode(Arg.Any<AttestationMode>());
    }

    [Fact]
    public void A_failing_Set_HgsServer_surfaces_and_is_not_retried()
    {
        Reports("Tpm");
        server.When(s => s.SetAttestationMode(Arg.Any<AttestationMode>()))
            .Do(_ => throw new NodeOperationException("CommandFailed", "Set-HgsServer failed: access denied"));

        var error = Assert.Throws<NodeOperationException>(() => Desired(AttestationMode.ActiveDirectory).Set());

        Assert.Contains("access denied", error.Message);
        server.Received(1).SetAttestationMode(Arg.Any<AttestationMode>());
    }

    [Theory]
    [InlineData("Unknown")]
    [InlineData("")]
    public void An_unknown_reported_mode_is_a_clear_error(string reported)
    {
        Reports(reported);

        var error = Assert.Throws<NodeOperationException>(() => Desired(AttestationMode.Tpm).Test());

        Assert.Equal("UnknownAttestationMode", error.ErrorId);
        Assert.Contains("Get-HgsServer", error.Message);
    }

    [Fact]
    public void A_missing_mode_is_rejected_before_the_node_is_read()
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(null).Test());

        Assert.Equal("Mode", error.PropertyName);
        server.DidNotReceive().GetAttestationOperationMode();
    }

    [Theory]
    [InlineData(AttestationMode.ActiveDirectory, AttestationMode.Tpm, "Add-HgsAttestationHostGroup")]
    [InlineData(AttestationMode.Tpm, AttestationMode.ActiveDirectory, "Add-HgsAttestationTpmHost")]
    public void Warns_while_hosts_are_registered_only_for_the_other_mode(AttestationMode desired, AttestationMode registered, string remedy)
    {
        Reports(desired == AttestationMode.Tpm ? "Tpm" : "AD");
        server.GetRegistrationCounts().Returns(new Dictionary<AttestationMode, int> { [registered] = 4, [desired] = 0 });

        Assert.Empty(Desired(desired).Get().Reasons!);

        var warning = Assert.Single(log.Warnings);
        Assert.Contains("4", warning);
        Assert.Contains(remedy, warning);
        Assert.Contains("Keep", warning);
    }

    [Fact]
    public void No_warning_once_hosts_are_registered_for_the_desired_mode()
    {
        Reports("AD");
        server.GetRegistrationCounts().Returns(new Dictionary<AttestationMode, int>
        {
            [AttestationMode.Tpm] = 4,
            [AttestationMode.ActiveDirectory] = 1,
        });

        Assert.Empty(Desired(AttestationMode.ActiveDirectory).Get().Reasons!);

        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void Set_warns_about_hosts_registered_only_for_the_old_mode_when_it_switches()
    {
        Reports("Tpm", "AD");
        server.GetRegistrationCounts().Returns(new Dictionary<AttestationMode, int> { [AttestationMode.Tpm] = 2 });

        Desired(AttestationMode.ActiveDirectory).Set();

        Assert.Contains(log.Warnings, w => w.Contains("Add-HgsAttestationHostGroup"));
    }

    [Fact]
    public void Test_compares_the_mode_only_and_does_not_list_registered_hosts()
    {
        Reports("Tpm");

        Assert.True(Desired(AttestationMode.Tpm).Test());

        server.DidNotReceive().GetRegistrationCounts();
        server.DidNotReceive().SupportsMode(Arg.Any<AttestationMode>());
    }

    [Fact]
    public void Where_the_node_lacks_HostKey_the_reason_says_so_instead_of_naming_a_switch_it_does_not_have()
    {
        Reports("Tpm");
        server.SupportsMode(AttestationMode.HostKey).Returns(false);

        var reason = Assert.Single(Desired(AttestationMode.HostKey).Get().Reasons!);

        Assert.Contains("Windows Server 2019", reason.Phrase);
        server.DidNotReceive().SetAttestationMode(Arg.Any<AttestationMode>());
    }
}
