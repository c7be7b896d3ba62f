using HgsDsc.Common.PowerShell;
using HgsDsc.Resources.HgsAttestationMode;
using HgsDsc.Tests.Infrastructure;
using Xunit;
using Resource = HgsDsc.Resources.HgsAttestationMode.HgsAttestationMode;

namespace HgsDsc.Tests.Resources.HgsAttestationMode;

/// <summary>
/// The real HgsServer cmdlets on a real HGS node. Only safe operations: the mode is never
/// switched (Set is asked for the mode the node already has, which must change nothing).
/// </summary>
[Collection(HgsDsc.Tests.Conformance.EngineCollection.Name)]
public sealed class HgsAttestationModeNodeTests
{
    private static T OnNode<T>(Func<PowerShellSession, T> action)
    {
        using var session = new PowerShellSession();
        return session.AsCaller(() => action(session));
    }

    [HgsNodeFact]
    public void Reads_the_mode_and_registrations_of_this_node_and_Set_to_the_same_mode_changes_nothing()
    {
        OnNode(session =>
        {
            var server = new HgsAttestationServerCmdlets(new RunspaceCommandInvoker());
            var reported = AttestationModeText.Parse(server.GetAttestationOperationMode());
            Assert.NotNull(reported);

            var log = new RecordingLog();
            var resource = new Resource(server) { IsSingleInstance = "Yes", Mode = reported };
            resource.AttachLog(log);

            var state = resource.Get();
            Assert.Equal(reported, state.Mode);
            Assert.Empty(state.Reasons!);
            Assert.NotNull(state.TpmHostCount);
            Assert.NotNull(state.HostGroupCount);
            Assert.True(resource.Test());

            resource.Set();
            Assert.Contains(log.Verbose, v => v.Contains("already in the desired state"));
            return 0;
        });
    }
}
