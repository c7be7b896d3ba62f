using System.Collections.Generic;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>What HgsDumpPolicy needs from this node's HGS: read its attestation policies and change single ones.</summary>
    public interface IHgsAttestationPolicies
    {
        /// <summary>Whether Add-HgsAttestationDumpPolicy exists here (it arrives with a cumulative update).</summary>
        bool CanAddDumpKeys();

        /// <summary>Every policy Get-HgsAttestationPolicy reports (without -Stage, so the ones in force).</summary>
        IReadOnlyList<AttestationPolicy> GetPolicies();

        /// <summary>Enable-HgsAttestationPolicy for this policy, in its policy version, without prompting.</summary>
        void Enable(AttestationPolicy policy);

        /// <summary>Disable-HgsAttestationPolicy for this policy, in its policy version, without prompting.</summary>
        void Disable(AttestationPolicy policy);

        /// <summary>Remove-HgsAttestationPolicy for this policy, in its policy version, without prompting.</summary>
        void Remove(AttestationPolicy policy);

        /// <summary>Add-HgsAttestationDumpPolicy -Name -PublicKeyHash, in the given policy version (null: the default).</summary>
        void AddDumpKey(string name, string publicKeyHash, string? policyVersion);
    }
}
