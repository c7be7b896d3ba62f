using System;
using System.Collections.Generic;
using System.Linq;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>
    /// The dump policies of this HGS compared with the desired ones, and the ordered steps that
    /// reach the desired state. The order is the resource's safety rule: every state HGS passes
    /// through accepts every host that both the old and the desired state accept, and none that
    /// neither accepts. Hosts without dumps pass every state; the steps differ in which hosts
    /// with dumps they let through.
    /// <list type="bullet">
    /// <item>EncryptedDumps: trust the listed keys (enable their disabled policies, add the
    /// missing ones) before Hgs_DumpEncryptionKey can judge a host by them; enable
    /// Hgs_DumpEncryption, then Hgs_DumpEncryptionKey (should the second fail, "dumps must be
    /// encrypted" is already in force); remove the keys no longer listed; disable Hgs_NoDumps
    /// last, as it is the one step that lets more hosts in.</item>
    /// <item>NoDumps: enable Hgs_NoDumps first (it rejects only hosts with dumps, which the
    /// desired state rejects too); then keys and purge, which no longer matter.</item>
    /// <item>Unmanaged: keys, then purge.</item>
    /// </list>
    /// A purge never rejects a host both states accept (such a host's key is listed), so it
    /// comes as early as it is useful: before anything widens what HGS accepts.
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
            var blockers = new List<LockedBlocker>();

            // Trust the listed keys, in every policy version HGS checks dump keys in.
            var trust = new List<DumpPolicyStep>();
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
                    trust.Add(disabled != null ? DumpPolicyStep.On(DumpPolicyAction.Enable, disabled) : DumpPolicyStep.AddKey(key.Hash, version));
                }
            }

            KeyGaps = gaps;

            // Enable what the desired policy requires; disable what it forbids.
            var require = new List<DumpPolicyStep>();
            var release = new List<DumpPolicyStep>();
            PolicyDiffers = desiredPolicy != null && desiredPolicy != CurrentPolicy;
            if (desiredPolicy == DumpPolicy.NoDumps)
            {
                require.AddRange(NoDumps.Where(p => !p.IsEnforced).Select(p => DumpPolicyStep.On(DumpPolicyAction.Enable, p)));
            }
            else if (desiredPolicy == DumpPolicy.EncryptedDumps)
            {
                require.AddRange(DumpEncryption.Where(p => !p.IsEnforced).Select(p => DumpPolicyStep.On(DumpPolicyAction.Enable, p)));
                require.AddRange(DumpEncryptionKey.Where(p => !p.IsEnforced).Select(p => DumpPolicyStep.On(DumpPolicyAction.Enable, p)));
                foreach (var policy in NoDumps.Where(p => p.IsEnforced))
                {
                    if (policy.State == AttestationPolicyState.Locked)
                    {
                        blockers.Add(new LockedBlocker(policy, "Policy", DumpPolicyAction.Disable));
                    }
                    else
                    {
                        release.Add(DumpPolicyStep.On(DumpPolicyAction.Disable, policy));
                    }
                }
            }

            // Stop trusting the keys that are no longer listed.
            var purgeSteps = new List<DumpPolicyStep>();
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
                        purgeSteps.Add(DumpPolicyStep.On(DumpPolicyAction.Remove, policy));
                    }
                }
            }

            // NoDumps: forbidding dumps rejects only hosts the desired state rejects too, and
            // under it the keys no longer matter, so it comes first (a key trusted before it
            // would admit hosts that neither state admits). Otherwise the keys come first,
            // then what is required, the purge, and the one widening step last.
            var ordered = desiredPolicy == DumpPolicy.NoDumps
                ? require.Concat(trust).Concat(purgeSteps)
                : trust.Concat(require).Concat(purgeSteps).Concat(release);
            Steps = ordered.Distinct().ToArray();
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
