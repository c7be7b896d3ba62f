using System;
using System.Collections.Generic;
using System.Linq;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>
    /// The dump policies of this HGS compared with the desired ones, and the ordered steps that
    /// reach the desired state. The order is the resource's safety rule: at every step HGS
    /// accepts every host that both the old and the desired state accept.
    /// <list type="number">
    /// <item>Trust the listed keys (enable their disabled policies, add the missing ones), so
    /// no host is judged by Hgs_DumpEncryptionKey before its key is known.</item>
    /// <item>Enable what the desired policy requires (Hgs_NoDumps; or Hgs_DumpEncryption, then
    /// Hgs_DumpEncryptionKey): while Hgs_NoDumps is on, these change nothing for hosts that pass
    /// it, and Hgs_DumpEncryption first leaves "dumps must be encrypted" in place should the
    /// next step fail.</item>
    /// <item>Only then disable what the old policy required (Hgs_NoDumps, for EncryptedDumps).</item>
    /// <item>Last, remove the keys no longer listed (PurgeTrustedKeys).</item>
    /// </list>
    /// NoDumps leaves Hgs_DumpEncryption and Hgs_DumpEncryptionKey as they are: they do not apply
    /// to hosts without dumps, and kept on they still demand encryption should Hgs_NoDumps ever
    /// be disabled.
    /// </summary>
    public sealed class DumpPolicyAnalysis
    {
        public const string NoDumpsPolicy = "Hgs_NoDumps";
        public const string DumpEncryptionPolicy = "Hgs_DumpEncryption";
        public const string DumpEncryptionKeyPolicy = "Hgs_DumpEncryptionKey";

        /// <summary>Microsoft's built-in policies start with this; they are never removed.</summary>
        public const string BuiltInPrefix = "Hgs_";

        public const string KeyPolicyType = "DumpEncryptionKey";

        public static readonly IReadOnlyList<string> DumpPolicyNames = new[] { NoDumpsPolicy, DumpEncryptionPolicy, DumpEncryptionKeyPolicy };

        private DumpPolicyAnalysis()
        {
        }

        public IReadOnlyList<AttestationPolicy> NoDumps { get; private set; } = Array.Empty<AttestationPolicy>();

        public IReadOnlyList<AttestationPolicy> DumpEncryption { get; private set; } = Array.Empty<AttestationPolicy>();

        public IReadOnlyList<AttestationPolicy> DumpEncryptionKey { get; private set; } = Array.Empty<AttestationPolicy>();

        /// <summary>The trusted dump key policies HGS has (added by anyone, under any name).</summary>
        public IReadOnlyList<AttestationPolicy> KeyPolicies { get; private set; } = Array.Empty<AttestationPolicy>();

        /// <summary>Staged copies of dump policies: reported, never counted or changed.</summary>
        public IReadOnlyList<AttestationPolicy> Staged { get; private set; } = Array.Empty<AttestationPolicy>();

        public bool MissingCommand { get; private set; }

        public IReadOnlyList<string> MissingPolicies { get; private set; } = Array.Empty<string>();

        /// <summary>The node lacks the cumulative update that brings the dump policies (or has not activated them).</summary>
        public bool UpdateMissing => MissingCommand || MissingPolicies.Count > 0;

        /// <summary>Dump policies whose state could not be read.</summary>
        public IReadOnlyList<AttestationPolicy> Unreadable { get; private set; } = Array.Empty<AttestationPolicy>();

        /// <summary>The policy the node enforces, or null when its dump policies match neither.</summary>
        public DumpPolicy? CurrentPolicy { get; private set; }

        /// <summary>Hashes of the keys HGS trusts now (an enabled or locked key policy), upper case, sorted.</summary>
        public IReadOnlyList<string> TrustedHashes { get; private set; } = Array.Empty<string>();

        /// <summary>The desired policy (null: unmanaged) differs from the one the node enforces.</summary>
        public bool PolicyDiffers { get; private set; }

        /// <summary>Locked policies a step would have to disable or remove: the desired state cannot be reached.</summary>
        public IReadOnlyList<LockedBlocker> Blockers { get; private set; } = Array.Empty<LockedBlocker>();

        public IReadOnlyList<KeyGap> KeyGaps { get; private set; } = Array.Empty<KeyGap>();

        /// <summary>Key policies PurgeTrustedKeys removes.</summary>
        public IReadOnlyList<AttestationPolicy> KeysToPurge { get; private set; } = Array.Empty<AttestationPolicy>();

        /// <summary>Key policies whose hash is unknown: never purged, reported.</summary>
        public IReadOnlyList<AttestationPolicy> KeysWithUnknownHash { get; private set; } = Array.Empty<AttestationPolicy>();

        public IReadOnlyList<DumpPolicyStep> Steps { get; private set; } = Array.Empty<DumpPolicyStep>();

        public static DumpPolicyAnalysis Of(
            IReadOnlyList<AttestationPolicy> policies,
            bool canAddKeys,
            DumpPolicy? desiredPolicy,
            IReadOnlyList<TrustedDumpKey> desiredKeys,
            bool purge)
        {
            var active = policies.Where(p => !p.IsStaged).ToArray();
            var analysis = new DumpPolicyAnalysis
            {
                NoDumps = Named(active, NoDumpsPolicy),
                DumpEncryption = Named(active, DumpEncryptionPolicy),
                DumpEncryptionKey = Named(active, DumpEncryptionKeyPolicy),
                KeyPolicies = active.Where(IsKeyPolicy).ToArray(),
                Staged = policies.Where(p => p.IsStaged && (IsDumpPolicy(p) || IsKeyPolicy(p))).ToArray(),
                MissingCommand = !canAddKeys,
                MissingPolicies = DumpPolicyNames.Where(n => !active.Any(p => NameIs(p, n))).ToArray(),
            };

            analysis.Unreadable = analysis.NoDumps.Concat(analysis.DumpEncryption).Concat(analysis.DumpEncryptionKey).Concat(analysis.KeyPolicies)
                .Where(p => p.State == AttestationPolicyState.Unknown)
                .ToArray();
            analysis.TrustedHashes = analysis.KeyPolicies
                .Where(p => p.IsEnforced && p.PublicKeyHash != null)
                .Select(p => p.PublicKeyHash!)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(h => h, StringComparer.Ordinal)
                .ToArray();
            if (analysis.UpdateMissing || analysis.Unreadable.Count > 0)
            {
                return analysis;
            }

            analysis.CurrentPolicy = analysis.ReadCurrentPolicy();
            analysis.Plan(desiredPolicy == DumpPolicy.Unmanaged ? null : desiredPolicy, desiredKeys, purge);
            return analysis;
        }

        public static bool IsDumpPolicy(AttestationPolicy policy) => DumpPolicyNames.Any(n => NameIs(policy, n));

        /// <summary>
        /// A trusted dump key: a DumpEncryptionKey-type policy that is not Microsoft's own
        /// Hgs_DumpEncryptionKey, or a policy named by HgsDsc's scheme.
        /// </summary>
        public static bool IsKeyPolicy(AttestationPolicy policy) =>
            !policy.Name.StartsWith(BuiltInPrefix, StringComparison.OrdinalIgnoreCase)
            && (string.Equals(policy.PolicyType, KeyPolicyType, StringComparison.OrdinalIgnoreCase) || DumpKeyPolicyName.HashOf(policy.Name) != null);

        private static bool NameIs(AttestationPolicy policy, string name) => string.Equals(policy.Name, name, StringComparison.OrdinalIgnoreCase);

        private static AttestationPolicy[] Named(IEnumerable<AttestationPolicy> policies, string name) => policies.Where(p => NameIs(p, name)).ToArray();

        private DumpPolicy? ReadCurrentPolicy()
        {
            if (NoDumps.All(p => p.IsEnforced))
            {
                return DumpPolicy.NoDumps;
            }

            if (NoDumps.All(p => !p.IsEnforced) && DumpEncryption.All(p => p.IsEnforced) && DumpEncryptionKey.All(p => p.IsEnforced))
            {
                return DumpPolicy.EncryptedDumps;
            }

            return null;
        }

        private void Plan(DumpPolicy? desiredPolicy, IReadOnlyList<TrustedDumpKey> desiredKeys, bool purge)
        {
            var steps = new List<DumpPolicyStep>();
            var blockers = new List<LockedBlocker>();

            // 1. Trust the listed keys, in every policy version HGS checks dump keys in.
            var gaps = new List<KeyGap>();
            foreach (var key in desiredKeys)
            {
                foreach (var version in Versions(DumpEncryptionKey))
                {
                    var candidates = KeyPolicies.Where(p => p.PublicKeyHash == key.Hash && p.AppliesTo(version)).ToArray();
                    if (candidates.Any(p => p.IsEnforced))
                    {
                        continue;
                    }

                    var disabled = candidates.FirstOrDefault();
                    gaps.Add(new KeyGap(key, version, disabled));
                    steps.Add(disabled != null ? DumpPolicyStep.On(DumpPolicyAction.Enable, disabled) : DumpPolicyStep.AddKey(key.Hash, version));
                }
            }

            KeyGaps = gaps;

            // 2. and 3. Enable what the desired policy requires, then disable what it forbids.
            PolicyDiffers = desiredPolicy != null && desiredPolicy != CurrentPolicy;
            if (desiredPolicy == DumpPolicy.NoDumps)
            {
                steps.AddRange(NoDumps.Where(p => !p.IsEnforced).Select(p => DumpPolicyStep.On(DumpPolicyAction.Enable, p)));
            }
            else if (desiredPolicy == DumpPolicy.EncryptedDumps)
            {
                steps.AddRange(DumpEncryption.Where(p => !p.IsEnforced).Select(p => DumpPolicyStep.On(DumpPolicyAction.Enable, p)));
                steps.AddRange(DumpEncryptionKey.Where(p => !p.IsEnforced).Select(p => DumpPolicyStep.On(DumpPolicyAction.Enable, p)));
                foreach (var policy in NoDumps.Where(p => p.IsEnforced))
                {
                    if (policy.State == AttestationPolicyState.Locked)
                    {
                        blockers.Add(new LockedBlocker(policy, "Policy", DumpPolicyAction.Disable));
                    }
                    else
                    {
                        steps.Add(DumpPolicyStep.On(DumpPolicyAction.Disable, policy));
                    }
                }
            }

            // 4. Last, stop trusting the keys that are no longer listed.
            if (purge)
            {
                var listed = new HashSet<string>(desiredKeys.Select(k => k.Hash), StringComparer.Ordinal);
                KeysWithUnknownHash = KeyPolicies.Where(p => p.PublicKeyHash == null).ToArray();
                KeysToPurge = KeyPolicies.Where(p => p.PublicKeyHash != null && !listed.Contains(p.PublicKeyHash)).ToArray();
                foreach (var policy in KeysToPurge)
                {
                    if (policy.State == AttestationPolicyState.Locked)
                    {
                        blockers.Add(new LockedBlocker(policy, "PurgeTrustedKeys", DumpPolicyAction.Remove));
                    }
                    else
                    {
                        steps.Add(DumpPolicyStep.On(DumpPolicyAction.Remove, policy));
                    }
                }
            }

            Steps = steps.Distinct().ToArray();
            Blockers = blockers;
        }

        /// <summary>The policy versions the given copies belong to (null for an unversioned copy), each once.</summary>
        private static IEnumerable<string?> Versions(IEnumerable<AttestationPolicy> copies)
        {
            var seen = new List<string?>();
            foreach (var version in copies.Select(p => p.PolicyVersion))
            {
                if (!seen.Any(v => string.Equals(v, version, StringComparison.OrdinalIgnoreCase)))
                {
                    seen.Add(version);
                }
            }

            return seen;
        }
    }
}
