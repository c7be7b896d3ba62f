using HgsDsc.Common.PowerShell;
using HgsDsc.Resources.HgsDumpPolicy;
using HgsDsc.Tests.Infrastructure;
using Xunit;
using Resource = HgsDsc.Resources.HgsDumpPolicy.HgsDumpPolicy;

namespace HgsDsc.Tests.Resources.HgsDumpPolicy;

/// <summary>
/// The real attestation policy cmdlets on a real HGS node, read only: they confirm that the
/// AttestationPolicyInfo objects there have a shape HgsDsc reads. No policy is changed.
/// </summary>
[Collection(HgsDsc.Tests.Conformance.EngineCollection.Name)]
public sealed class HgsDumpPolicyNodeTests
{
    [HgsNodeFact]
    public void Reads_every_policy_of_this_node_with_a_name_and_a_state()
    {
        using var session = new PowerShellSession();
        var policies = session.AsCaller(() => new HgsAttestationPolicyCmdlets(new RunspaceCommandInvoker()).GetPolicies());

        Assert.NotEmpty(policies);
        Assert.All(policies.Where(p => p.Name.StartsWith("Hgs_", StringComparison.OrdinalIgnoreCase)), p =>
        {
            Assert.NotEqual(AttestationPolicyState.Unknown, p.State);
            Assert.False(string.IsNullOrEmpty(p.PolicyType), p.Name + " has no readable PolicyType.");
        });
    }

    [HgsNodeFact]
    public void Unmanaged_without_keys_is_in_the_desired_state_exactly_when_the_node_has_the_update()
    {
        using var session = new PowerShellSession();
        var log = new RecordingLog();
        var resource = new Resource(new HgsAttestationPolicyCmdlets(new RunspaceCommandInvoker())) { IsSingleInstance = "Yes" };
        resource.AttachLog(log);

        var state = session.AsCaller(() => resource.Get());
        var inState = session.AsCaller(() => resource.Test());

        Assert.NotNull(state.PolicyStates);
        Assert.Equal(state.Reasons!.Length == 0, inState);
        if (inState)
        {
            Assert.True(state.PolicyStates!.Count(s => s.StartsWith("Hgs_", StringComparison.OrdinalIgnoreCase)) >= 3);
            session.AsCaller(() => resource.Set());
            Assert.Contains(log.Verbose, v => v.Contains("already in the desired state", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains("cumulative update", Assert.Single(state.Reasons!).Phrase);
        }
    }
}
