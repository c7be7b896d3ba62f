using System;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>The states Get-HgsAttestationPolicy reports for a policy.</summary>
    public enum AttestationPolicyState
    {
        /// <summary>The object carried no state HgsDsc could read.</summary>
        Unknown,
        Enabled,
        Disabled,

        /// <summary>Enforced, and HGS refuses to disable or remove it.</summary>
        Locked,
    }

    /// <summary>
    /// One attestation policy as Get-HgsAttestationPolicy reports it (an AttestationPolicyInfo),
    /// reduced to what the dump policies need. The same name can appear once per policy version.
    /// </summary>
    public sealed class AttestationPolicy
    {
        public AttestationPolicy(string name, string? policyType, AttestationPolicyState state, string? policyVersion = null, bool isStaged = false, string? publicKeyHash = null)
        {
            Name = name;
            PolicyType = policyType;
            State = state;
            PolicyVersion = policyVersion;
            IsStaged = isStaged;
            PublicKeyHash = publicKeyHash;
        }

        public string Name { get; }

        /// <summary>NoDumps, DumpEncryption, DumpEncryptionKey, SecureBootSettings, ...; null when the object did not say.</summary>
        public string? PolicyType { get; }

        public AttestationPolicyState State { get; }

        /// <summary>None, PolicyVersion1503, PolicyVersion1704; null when the object did not say.</summary>
        public string? PolicyVersion { get; }

        /// <summary>A staged copy does not take part in attestation yet.</summary>
        public bool IsStaged { get; }

        /// <summary>For a trusted dump key: the SHA-256 of its public key, upper-case hex; null when unknown.</summary>
        public string? PublicKeyHash { get; }

        /// <summary>Whether HGS checks hosts against this policy (Enabled, or Locked, which is always on).</summary>
        public bool IsEnforced => State == AttestationPolicyState.Enabled || State == AttestationPolicyState.Locked;

        /// <summary>Whether this copy belongs to the given policy version (an unversioned copy belongs to all).</summary>
        public bool AppliesTo(string? policyVersion) =>
            PolicyVersion == null || policyVersion == null || string.Equals(PolicyVersion, policyVersion, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => PolicyVersion == null ? $"{Name} ({State})" : $"{Name} [{PolicyVersion}] ({State})";
    }
}
