using System;
using System.Linq;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>What one step of a Set does to HGS.</summary>
    public enum DumpPolicyAction
    {
        AddKey,
        Enable,
        Disable,
        Remove,
    }

    /// <summary>One change of a Set: a single cmdlet call against a single policy.</summary>
    public sealed class DumpPolicyStep : IEquatable<DumpPolicyStep>
    {
        private DumpPolicyStep(DumpPolicyAction action, string name, string? policyVersion, string? publicKeyHash, AttestationPolicy? target)
        {
            Action = action;
            Name = name;
            PolicyVersion = policyVersion;
            PublicKeyHash = publicKeyHash;
            Target = target;
        }

        public DumpPolicyAction Action { get; }

        public string Name { get; }

        public string? PolicyVersion { get; }

        /// <summary>For AddKey: the hash HGS will trust.</summary>
        public string? PublicKeyHash { get; }

        /// <summary>For Enable, Disable, Remove: the policy as it was read.</summary>
        public AttestationPolicy? Target { get; }

        public static DumpPolicyStep AddKey(string hash, string? policyVersion) =>
            new DumpPolicyStep(DumpPolicyAction.AddKey, DumpKeyPolicyName.For(hash), policyVersion, hash, null);

        public static DumpPolicyStep On(DumpPolicyAction action, AttestationPolicy policy) =>
            new DumpPolicyStep(action, policy.Name, policy.PolicyVersion, policy.PublicKeyHash, policy);

        public void Apply(IHgsAttestationPolicies hgs)
        {
            switch (Action)
            {
                case DumpPolicyAction.AddKey:
                    hgs.AddDumpKey(Name, PublicKeyHash!, PolicyVersion);

                    // Whether HGS creates a new policy enabled is not documented: a key is trusted only once its policy is on.
                    var added = hgs.GetPolicies().FirstOrDefault(p => !p.IsStaged
                        && string.Equals(p.Name, Name, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(p.PolicyVersion, PolicyVersion, StringComparison.OrdinalIgnoreCase));
                    if (added != null && !added.IsEnforced)
                    {
                        hgs.Enable(added);
                    }

                    break;
                case DumpPolicyAction.Enable:
                    hgs.Enable(Target!);
                    break;
                case DumpPolicyAction.Disable:
                    hgs.Disable(Target!);
                    break;
                default:
                    hgs.Remove(Target!);
                    break;
            }
        }

        /// <summary>The command this step runs, as an administrator would type it (commands are not translated).</summary>
        public string Describe()
        {
            var target = "-Name '" + Name + "'" + (PolicyVersion == null ? string.Empty : " -PolicyVersion " + PolicyVersion);
            switch (Action)
            {
                case DumpPolicyAction.AddKey:
                    return HgsAttestationPolicyCmdlets.AddDumpKeyCommand + " " + target + " -PublicKeyHash " + PublicKeyHash + " -Confirm:$false";
                case DumpPolicyAction.Enable:
                    return HgsAttestationPolicyCmdlets.EnableCommand + " " + target + " -Confirm:$false";
                case DumpPolicyAction.Disable:
                    return HgsAttestationPolicyCmdlets.DisableCommand + " " + target + " -Confirm:$false";
                default:
                    return HgsAttestationPolicyCmdlets.RemoveCommand + " " + target + " -Confirm:$false";
            }
        }

        public bool Equals(DumpPolicyStep? other) =>
            other != null
            && Action == other.Action
            && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
            && string.Equals(PolicyVersion, other.PolicyVersion, StringComparison.OrdinalIgnoreCase);

        public override bool Equals(object? obj) => Equals(obj as DumpPolicyStep);

        public override int GetHashCode() => ((int)Action * 397) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

        public override string ToString() => $"{Action} {Name}{(PolicyVersion == null ? string.Empty : " [" + PolicyVersion + "]")}";
    }
}
