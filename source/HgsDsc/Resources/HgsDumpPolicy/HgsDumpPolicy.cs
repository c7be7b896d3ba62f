using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>
    /// The memory-dump attestation policies of HGS and the dump encryption keys it trusts.
    /// Set orders its steps so that no host that both the old and the desired state accept is
    /// rejected on the way (see <see cref="DumpPolicyAnalysis"/>). On a node without the
    /// cumulative update that brings the dump policies it changes nothing and says what to
    /// install, hosts first.
    /// </summary>
    [DscResource]
    [Description("HGS enforces the desired memory-dump policy (no dumps, or only dumps encrypted with a trusted key) and trusts the listed dump encryption keys, changing them in an order that never locks out a host.")]
    public sealed class HgsDumpPolicy : HgsDscResource<HgsDumpPolicy>
    {
        private IHgsAttestationPolicies? hgs;
        private IReadOnlyList<TrustedDumpKey> desiredKeys = Array.Empty<TrustedDumpKey>();
        private DumpPolicyAnalysis? analysis;
        private bool warned;

        public HgsDumpPolicy()
        {
        }

        public HgsDumpPolicy(IHgsAttestationPolicies hgs)
        {
            this.hgs = hgs;
        }

        [DscProperty(Key = true)]
        [Description("Always 'Yes': HGS has one set of dump policies.")]
        [ValidateSet("Yes")]
        public string? IsSingleInstance { get; set; }

        [DscProperty]
        [Description("NoDumps: hosts must have memory dumps disabled (Hgs_NoDumps enabled). EncryptedDumps: hosts may write dumps only encrypted with a trusted key (Hgs_DumpEncryption and Hgs_DumpEncryptionKey enabled, Hgs_NoDumps disabled). Unmanaged or not set: these three policies are left as they are.")]
        [ValidateSet(nameof(DumpPolicy.Unmanaged), nameof(DumpPolicy.NoDumps), nameof(DumpPolicy.EncryptedDumps))]
        public DumpPolicy? Policy { get; set; }

        [DscProperty]
        [Description("SHA-256 hashes (64 hex characters) of dump encryption public keys HGS must trust. Get returns the hashes HGS trusts now.")]
        public string[]? TrustedKeyHash { get; set; }

        [DscProperty]
        [Description("Full paths of hosts' dump encryption certificates (.cer, DER or PEM) or public key blobs exported from CrashControl\\EncryptionCertificates\\Certificate.1\\PublicKey; HGS must trust their keys (RSA 2048, 3072 or 4096).")]
        public string[]? TrustedKeyFile { get; set; }

        [DscProperty]
        [Description("Remove trusted dump key policies whose key is listed in neither TrustedKeyHash nor TrustedKeyFile. Nothing else is ever removed.")]
        public bool? PurgeTrustedKeys { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("The dump policies HGS has, each as 'Name [PolicyVersion]: State', with the key hash of each trusted key policy.")]
        public string[]? PolicyStates { get; set; }

        private IHgsAttestationPolicies Hgs => hgs ?? (hgs = new HgsAttestationPolicyCmdlets(new RunspaceCommandInvoker()));

        protected override void AssertProperties()
        {
            base.AssertProperties();
            foreach (var value in TrustedKeyHash ?? Array.Empty<string>())
            {
                if (!DumpKeyHash.TryNormalize(value, out _))
                {
                    throw new InvalidPropertyValueException(nameof(TrustedKeyHash), value, Strings.Format("InvalidKeyHash", value));
                }
            }

            foreach (var path in TrustedKeyFile ?? Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(path) || !Path.IsPathRooted(path.Trim()))
                {
                    throw new InvalidPropertyValueException(nameof(TrustedKeyFile), path, Strings.Format("KeyFileNotAbsolute", path));
                }
            }

            if (PurgeTrustedKeys == true && (TrustedKeyHash?.Length ?? 0) + (TrustedKeyFile?.Length ?? 0) == 0)
            {
                throw new InvalidPropertyValueException(nameof(PurgeTrustedKeys), true, Strings["PurgeWithoutKeys"]);
            }
        }

        protected override void NormalizeProperties()
        {
            var keys = new List<TrustedDumpKey>();
            if (TrustedKeyHash != null)
            {
                TrustedKeyHash = TrustedKeyHash.Select(h => h.Trim().ToUpperInvariant()).ToArray();
                keys.AddRange(TrustedKeyHash.Select(h => new TrustedDumpKey(h, nameof(TrustedKeyHash))));
            }

            if (TrustedKeyFile != null)
            {
                TrustedKeyFile = TrustedKeyFile.Select(f => f.Trim()).ToArray();
                foreach (var file in TrustedKeyFile)
                {
                    var hash = DumpKeyFile.ComputeHash(file);
                    Log.Verbose(Strings.Format("KeyFileHash", file, hash));
                    keys.Add(new TrustedDumpKey(hash, nameof(TrustedKeyFile), file));
                }
            }

            desiredKeys = keys.GroupBy(k => k.Hash, StringComparer.Ordinal).Select(g => g.First()).ToArray();
        }

        protected override HgsDumpPolicy GetCurrentState(HgsDumpPolicy desired)
        {
            var policies = Hgs.GetPolicies();
            var found = DumpPolicyAnalysis.Of(policies, Hgs.CanAddDumpKeys(), desired.Policy, desired.desiredKeys, desired.PurgeTrustedKeys == true);
            if (!found.UpdateMissing && found.Unreadable.Count > 0)
            {
                var policy = found.Unreadable[0];
                throw new NodeOperationException("AttestationPolicyStateUnreadable", Strings.Format("PolicyStateUnreadable", policy.Name), policy.Name);
            }

            var states = DescribePolicies(found);
            Log.Verbose(Strings.Format("CurrentPolicies", states.Length == 0 ? ValueText.Of(null) : string.Join("; ", states)));
            desired.WarnOnce(found);
            return new HgsDumpPolicy
            {
                Policy = found.CurrentPolicy,
                TrustedKeyHash = found.TrustedHashes.ToArray(),
                TrustedKeyFile = desired.TrustedKeyFile,
                PurgeTrustedKeys = desired.PurgeTrustedKeys,
                PolicyStates = states,
                analysis = found,
            };
        }

        /// <summary>Every property is compared by the dump policy rules below, not value by value.</summary>
        protected override bool IsCompared(string propertyName) => false;

        protected override IReadOnlyList<StateDifference> Compare(HgsDumpPolicy desired, HgsDumpPolicy current)
        {
            var found = current.analysis!;
            var differences = new List<StateDifference>(base.Compare(desired, current));
            if (found.UpdateMissing)
            {
                differences.Add(new StateDifference(nameof(Policy), desired.Policy, current.Policy, UpdateMissingMessage(found)));
                return differences;
            }

            foreach (var gap in found.KeyGaps)
            {
                differences.Add(new StateDifference(gap.Key.Property, gap.Key.Hash, null, DescribeKeyGap(gap)));
            }

            var policyBlockers = found.Blockers.Where(b => b.Property == nameof(Policy)).ToArray();
            if (policyBlockers.Length > 0)
            {
                differences.AddRange(policyBlockers.Select(b => new StateDifference(nameof(Policy), desired.Policy, current.Policy, DescribeBlocker(b, desired))));
            }
            else if (found.PolicyDiffers)
            {
                var key = desired.Policy == DumpPolicy.NoDumps ? "PolicyNotNoDumps" : "PolicyNotEncryptedDumps";
                var switches = DescribePolicies(found.NoDumps.Concat(found.DumpEncryption).Concat(found.DumpEncryptionKey));
                differences.Add(new StateDifference(nameof(Policy), desired.Policy, current.Policy, Strings.Format(key, string.Join(", ", switches))));
            }

            foreach (var policy in found.KeysToPurge)
            {
                var blocker = found.Blockers.FirstOrDefault(b => ReferenceEquals(b.Policy, policy));
                var phrase = blocker != null
                    ? DescribeBlocker(blocker, desired)
                    : Strings.Format("KeyNotListed", policy.Name, VersionTag(policy.PolicyVersion), policy.State, policy.PublicKeyHash);
                differences.Add(new StateDifference(nameof(PurgeTrustedKeys), null, policy.PublicKeyHash, phrase));
            }

            return differences;
        }

        protected override void Modify(HgsDumpPolicy desired, HgsDumpPolicy current, IReadOnlyList<StateDifference> differences)
        {
            var found = current.analysis!;
            if (found.UpdateMissing)
            {
                throw new NodePrerequisiteException("DumpPolicyUpdateMissing", UpdateMissingMessage(found));
            }

            if (found.Blockers.Count > 0)
            {
                throw new NodeOperationException(
                    "DumpPolicyLocked", string.Join(" ", found.Blockers.Select(b => DescribeBlocker(b, desired))), found.Blockers[0].Policy.Name);
            }

            var steps = found.Steps;
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                Log.Verbose(Strings.Format("ApplyingStep", i + 1, steps.Count, step.Describe()));
                if (step.Action == DumpPolicyAction.Enable && step.Target != null && DumpPolicyAnalysis.IsDumpPolicy(step.Target))
                {
                    Log.Warning(Strings.Format("EnablingDumpPolicy", step.Name));
                }

                try
                {
                    step.Apply(Hgs);
                }
                catch (Exception e)
                {
                    throw new NodeOperationException(
                        "DumpPolicyStepFailed",
                        Strings.Format("StepFailed", i + 1, steps.Count, step.Describe(), e.Message, List(steps.Take(i)), List(steps.Skip(i))),
                        step.Name,
                        e);
                }
            }
        }

        private void WarnOnce(DumpPolicyAnalysis found)
        {
            if (warned || found.UpdateMissing)
            {
                return;
            }

            warned = true;
            foreach (var policy in found.Staged)
            {
                Log.Verbose(Strings.Format("StagedIgnored", policy.Name + VersionTag(policy.PolicyVersion)));
            }

            foreach (var policy in found.KeysWithUnknownHash)
            {
                Log.Warning(Strings.Format("KeyHashUnknown", policy.Name));
            }

            if (Policy == DumpPolicy.EncryptedDumps && desiredKeys.Count == 0 && found.TrustedHashes.Count == 0)
            {
                Log.Warning(Strings["NoTrustedKeys"]);
            }
        }

        private string UpdateMissingMessage(DumpPolicyAnalysis found)
        {
            var sentences = new List<string>();
            if (found.MissingCommand)
            {
                sentences.Add(Strings["UpdateMissingCommand"]);
            }

            if (found.MissingPolicies.Count > 0)
            {
                sentences.Add(Strings.Format("UpdateMissingPolicies", string.Join(", ", found.MissingPolicies)));
            }

            sentences.Add(Strings["UpdateRemedy"]);
            return string.Join(" ", sentences);
        }

        private string DescribeKeyGap(KeyGap gap)
        {
            var source = gap.Key.File == null ? gap.Key.Property : gap.Key.Property + " '" + gap.Key.File + "'";
            return gap.DisabledPolicy != null
                ? Strings.Format("KeyDisabled", gap.Key.Hash, source, gap.DisabledPolicy.Name, VersionTag(gap.DisabledPolicy.PolicyVersion))
                : Strings.Format("KeyNotTrusted", gap.Key.Hash, VersionTag(gap.PolicyVersion), source, DumpKeyPolicyName.For(gap.Key.Hash));
        }

        private string DescribeBlocker(LockedBlocker blocker, HgsDumpPolicy desired) =>
            blocker.Action == DumpPolicyAction.Disable
                ? Strings.Format("PolicyLocked", blocker.Policy.Name + VersionTag(blocker.Policy.PolicyVersion), desired.Policy)
                : Strings.Format("KeyLocked", blocker.Policy.Name, VersionTag(blocker.Policy.PolicyVersion), blocker.Policy.PublicKeyHash);

        private string List(IEnumerable<DumpPolicyStep> steps)
        {
            var text = steps.Select(s => s.Describe()).ToArray();
            return text.Length == 0 ? ValueText.Of(null) : string.Join("; ", text);
        }

        /// <summary>A policy version as data after a policy name: " [PolicyVersion1704]", or nothing for an unversioned policy.</summary>
        private static string VersionTag(string? policyVersion) => policyVersion == null ? string.Empty : " [" + policyVersion + "]";

        /// <summary>Policies as data, one 'Name [PolicyVersion]: State' each, with the key of a key policy; not translated.</summary>
        private static string[] DescribePolicies(IEnumerable<AttestationPolicy> policies) =>
            policies
                .Select(p => p.Name + VersionTag(p.PolicyVersion) + ": " + p.State
                    + (DumpPolicyAnalysis.IsKeyPolicy(p) ? "; key " + (p.PublicKeyHash ?? "unknown") : string.Empty)
                    + (p.IsStaged ? "; staged" : string.Empty))
                .ToArray();

        private static string[] DescribePolicies(DumpPolicyAnalysis found) =>
            DescribePolicies(found.NoDumps.Concat(found.DumpEncryption).Concat(found.DumpEncryptionKey).Concat(found.KeyPolicies).Concat(found.Staged));
    }
}
