using System.Collections.Generic;
using HgsDsc.Common;
using HgsDsc.Common.Hgs;
using HgsDsc.Common.Localization;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>The real <see cref="IHgsAttestationPolicies"/>: the HGS attestation policy cmdlets, run through PowerShell.</summary>
    public sealed class HgsAttestationPolicyCmdlets : IHgsAttestationPolicies
    {
        public const string GetCommand = "Get-HgsAttestationPolicy";
        public const string EnableCommand = "Enable-HgsAttestationPolicy";
        public const string DisableCommand = "Disable-HgsAttestationPolicy";
        public const string RemoveCommand = "Remove-HgsAttestationPolicy";
        public const string AddDumpKeyCommand = "Add-HgsAttestationDumpPolicy";

        private readonly ICommandInvoker invoker;

        public HgsAttestationPolicyCmdlets(ICommandInvoker invoker)
        {
            this.invoker = invoker;
        }

        public bool CanAddDumpKeys() => invoker.CommandExists(AddDumpKeyCommand, HgsModule.Name);

        public IReadOnlyList<AttestationPolicy> GetPolicies()
        {
            HgsModule.AssertAvailable(invoker, GetCommand);
            var policies = new List<AttestationPolicy>();
            foreach (var item in invoker.Invoke(GetCommand))
            {
                // Without a name a policy cannot be told apart or addressed; guessing could
                // report the update as missing, so the unknown shape is reported instead.
                policies.Add(AttestationPolicyReader.Read(item) ?? throw new NodeOperationException(
                    "AttestationPolicyUnreadable",
                    LocalizedStrings.Load("HgsDumpPolicy").Format("PolicyShapeUnknown", GetCommand, AttestationPolicyReader.DescribeShape(item)),
                    item));
            }

            return policies;
        }

        public void Enable(AttestationPolicy policy) => invoker.Invoke(EnableCommand, Target(policy.Name, policy.PolicyVersion));

        public void Disable(AttestationPolicy policy) => invoker.Invoke(DisableCommand, Target(policy.Name, policy.PolicyVersion));

        public void Remove(AttestationPolicy policy) => invoker.Invoke(RemoveCommand, Target(policy.Name, policy.PolicyVersion));

        public void AddDumpKey(string name, string publicKeyHash, string? policyVersion)
        {
            var parameters = Target(name, policyVersion);
            parameters["PublicKeyHash"] = publicKeyHash;
            invoker.Invoke(AddDumpKeyCommand, parameters);
        }

        /// <summary>
        /// The policy by name, in the version it was read from. Staged copies are never changed,
        /// so -Stage is never passed; -Confirm:$false because every one of these cmdlets asks first.
        /// </summary>
        private static Dictionary<string, object?> Target(string name, string? policyVersion)
        {
            var parameters = new Dictionary<string, object?> { ["Name"] = name };
            if (policyVersion != null)
            {
                parameters["PolicyVersion"] = policyVersion;
            }

            parameters["Confirm"] = false;
            return parameters;
        }
    }
}
