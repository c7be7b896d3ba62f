using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.PowerShell;
using EnsureValue = global::HgsDsc.Resources.HgsAuditPrivilege.Ensure;

namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>
    /// The HGS KeyProtection account holds "Generate security audits" (SeAuditPrivilege); without
    /// it KeyProtection answers HTTP 500 and Get-HgsKeyProtectionCertificate fails. Holders are
    /// compared by SID and changed one at a time through LSA, so the default holders (LOCAL
    /// SERVICE, NETWORK SERVICE) are restored when missing and no other holder (IIS app-pool
    /// SIDs, SIDs that no longer resolve) is ever removed. A domain GPO that defines the right
    /// would undo local changes: it is reported, with the fix.
    /// </summary>
    [DscResource]
    [Description("The HGS KeyProtection account holds 'Generate security audits' (SeAuditPrivilege) on this node, with the default holders LOCAL SERVICE and NETWORK SERVICE; no other holder is ever removed. Apply it to every HGS node.")]
    public sealed class HgsAuditPrivilege : HgsDscResource<HgsAuditPrivilege>
    {
        public const string Right = "SeAuditPrivilege";

        /// <summary>Windows' default holders of the right, which a replaced policy list loses.</summary>
        internal static readonly IReadOnlyList<Sid> DefaultHolders = new[] { Sid.LocalService, Sid.NetworkService };

        private IUserRightsStore? rights;
        private IAccountResolver? resolver;
        private IKeyProtectionAppPool? appPool;
        private IGroupPolicyRights? groupPolicy;

        // Resolved once per operation: Set reads the node twice and must not discover the account twice.
        private ResolvedAccount? account;
        private IReadOnlyList<ResolvedAccount> removals = Array.Empty<ResolvedAccount>();
        private bool groupPolicyReported;
        private bool accountGranted;

        // What a reading found, kept beside the reported properties for the comparison.
        private IReadOnlyList<Sid> holderSids = Array.Empty<Sid>();
        private GroupPolicyRightAssignment? domainAssignment;
        private IReadOnlyList<Sid> assignedByPolicy = Array.Empty<Sid>();

        public HgsAuditPrivilege()
        {
        }

        public HgsAuditPrivilege(IUserRightsStore rights, IAccountResolver resolver, IKeyProtectionAppPool appPool, IGroupPolicyRights groupPolicy)
        {
            this.rights = rights;
            this.resolver = resolver;
            this.appPool = appPool;
            this.groupPolicy = groupPolicy;
        }

        [DscProperty(Key = true)]
        [Description("Always 'Yes': a node has one list of holders of SeAuditPrivilege.")]
        [ValidateSet("Yes")]
        public string? IsSingleInstance { get; set; }

        [DscProperty]
        [Description("The account that runs KeyProtection: DOMAIN\\name$, DOMAIN\\name, name$, S-1-... or *S-1-.... When omitted, the identity of the IIS app pool KeyProtection.")]
        public string? Account { get; set; }

        [DscProperty]
        [ValidateSet(nameof(EnsureValue.Present), nameof(EnsureValue.Absent))]
        [Description("Present (default): the account, LOCAL SERVICE and NETWORK SERVICE hold the right. Absent: the account does not; nobody else is affected.")]
        public Ensure? Ensure { get; set; }

        [DscProperty]
        [Description("Former KeyProtection accounts that must not hold the right, for example the old gMSA after HGS moved to a new one. Only these lose it, after the account above has it; never LOCAL SERVICE, NETWORK SERVICE or the account above. Get returns those that still hold it.")]
        public string[]? RemoveAccounts { get; set; }

        [DscProperty]
        [Description("Whether Set recycles the IIS app pool KeyProtection after granting the right to the account, which receives it at its next logon. Default: true.")]
        public bool? RecycleAppPool { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("The SID of the account, as resolved on this node.")]
        public string? AccountSid { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Every account that holds the right directly, as 'name (SID)', or the SID alone when it no longer resolves.")]
        public string[]? Holders { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Whether a domain Group Policy defines the right for this node (it then replaces local changes at every refresh); empty when that could not be read.")]
        public bool? DefinedByGroupPolicy { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("The domain Group Policy that defines the right for this node, if any.")]
        public string? GroupPolicy { get; set; }

        private IUserRightsStore Rights =>
            rights ?? (rights = NodeServices.Get<IUserRightsStore>(() => new LsaUserRightsStore()));

        private IAccountResolver Resolver =>
            resolver ?? (resolver = NodeServices.Get<IAccountResolver>(() => new WindowsAccountResolver()));

        private IKeyProtectionAppPool AppPool =>
            appPool ?? (appPool = NodeServices.Get<IKeyProtectionAppPool>(() => new KeyProtectionAppPool(new RunspaceCommandInvoker())));

        private IGroupPolicyRights GroupPolicyRights =>
            groupPolicy ?? (groupPolicy = NodeServices.Get<IGroupPolicyRights>(() => new RsopGroupPolicyRights(new RunspaceCommandInvoker())));

        private Ensure DesiredEnsure => Ensure ?? EnsureValue.Present;

        protected override void AssertProperties()
        {
            base.AssertProperties();
            if (!string.Equals(IsSingleInstance?.Trim(), "Yes", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidPropertyValueException(nameof(IsSingleInstance), IsSingleInstance, Strings.Format("SingleInstanceOnly", IsSingleInstance));
            }

            if (Account != null)
            {
                AccountName.Parse(Account, nameof(Account));
            }
            else if (Ensure == EnsureValue.Absent)
            {
                // The discovered account is the one KeyProtection runs as: taking the right from it is the outage this resource prevents.
                throw new InvalidPropertyValueException(nameof(Account), null, Strings.Format("AbsentNeedsAccount"));
            }

            foreach (var former in RemoveAccounts ?? Array.Empty<string>())
            {
                AccountName.Parse(former, nameof(RemoveAccounts));
            }
        }

        protected override void NormalizeProperties()
        {
            IsSingleInstance = "Yes";
            Account = Account?.Trim();
            RemoveAccounts = RemoveAccounts?.Select(a => a.Trim()).ToArray();
        }

        // The comparison is the resource's own (by SID, with the default holders and Group Policy); no property is compared as a value.
        protected override bool IsCompared(string propertyName) => false;

        protected override HgsAuditPrivilege GetCurrentState(HgsAuditPrivilege desired)
        {
            var resolved = desired.ResolveAccount();
            var holders = Rights.GetHolders(Right).Distinct().ToArray();

            // Names are for people: Test compares SIDs and skips the lookups (a deleted account's SID can stall one).
            var described = Operation == DscOperation.Test ? holders.Select(h => h.Value).ToArray() : holders.Select(Describe).ToArray();
            Log.Verbose(Strings.Format("HoldersFound", ValueText.Of(described)));

            var current = new HgsAuditPrivilege
            {
                Account = resolved.DisplayName,
                AccountSid = resolved.Sid.Value,
                Ensure = holders.Contains(resolved.Sid) ? EnsureValue.Present : EnsureValue.Absent,
                RecycleAppPool = desired.RecycleAppPool,
                Holders = described,
                RemoveAccounts = desired.removals.Where(r => holders.Contains(r.Sid)).Select(r => r.ToString()).ToArray(),
                holderSids = holders,
            };

            desired.ReadGroupPolicy(current);
            return current;
        }

        protected override IReadOnlyList<StateDifference> Compare(HgsAuditPrivilege desired, HgsAuditPrivilege current)
        {
            var differences = new List<StateDifference>(base.Compare(desired, current));
            var resolved = desired.account!;
            var holds = current.holderSids.Contains(resolved.Sid);
            if (desired.DesiredEnsure == EnsureValue.Present)
            {
                if (!holds)
                {
                    differences.Add(new StateDifference(nameof(Ensure), "Present", "Absent", Strings.Format("AccountLacksRight", resolved)));
                }

                var missing = DefaultHolders.Where(d => !current.holderSids.Contains(d)).ToArray();
                if (missing.Length > 0)
                {
                    differences.Add(new StateDifference(
                        nameof(Holders), DefaultHolders.Select(Describe).ToArray(), current.Holders, Strings.Format("DefaultHoldersMissing", string.Join(", ", missing.Select(Describe)))));
                }
            }
            else if (holds)
            {
                differences.Add(new StateDifference(nameof(Ensure), "Absent", "Present", Strings.Format("AccountHoldsRight", resolved)));
            }

            foreach (var former in desired.removals.Where(r => current.holderSids.Contains(r.Sid)))
            {
                differences.Add(new StateDifference(nameof(RemoveAccounts), null, former.ToString(), Strings.Format("FormerAccountHoldsRight", former)));
            }

            var conflict = desired.DescribeGroupPolicyConflict(current);
            if (conflict != null)
            {
                differences.Add(new StateDifference(nameof(DefinedByGroupPolicy), false, true, conflict));
            }

            return differences;
        }

        protected override void Modify(HgsAuditPrivilege desired, HgsAuditPrivilege current, IReadOnlyList<StateDifference> differences)
        {
            var resolved = desired.account!;
            if (desired.DesiredEnsure == EnsureValue.Present)
            {
                var toGrant = new List<ResolvedAccount>();
                if (!current.holderSids.Contains(resolved.Sid))
                {
                    toGrant.Add(resolved);
                }

                toGrant.AddRange(DefaultHolders.Where(d => !current.holderSids.Contains(d)).Select(Named));
                Grant(desired, toGrant);
            }
            else if (current.holderSids.Contains(resolved.Sid))
            {
                Remove(resolved, current);
            }

            // Former accounts lose the right last, once the account that runs KeyProtection has it.
            foreach (var former in desired.removals.Where(r => current.holderSids.Contains(r.Sid)))
            {
                Remove(former, current);
            }
        }

        protected override void VerifyAfterSet(HgsAuditPrivilege desired, HgsAuditPrivilege after, IReadOnlyList<StateDifference> remaining)
        {
            // A GPO conflict cannot be fixed on the node; it was reported as a warning. Everything local must have converged.
            base.VerifyAfterSet(desired, after, remaining.Where(r => r.Property != nameof(DefinedByGroupPolicy)).ToArray());
            if (desired.accountGranted)
            {
                RecycleAfterGrant(desired);
            }
        }

        private ResolvedAccount ResolveAccount()
        {
            if (account != null)
            {
                return account;
            }

            var resolved = KeyProtectionAccount.Resolve(Account, nameof(Account), Resolver, AppPool, Log);
            if (DesiredEnsure == EnsureValue.Absent && DefaultHolders.Contains(resolved.Sid))
            {
                throw new InvalidPropertyValueException(nameof(Account), Account ?? resolved.DisplayName, Strings.Format("DefaultHolderCannotBeRemoved", resolved));
            }

            Log.Verbose(Strings.Format("ManagingAccount", resolved, DesiredEnsure));
            removals = (RemoveAccounts ?? Array.Empty<string>()).Select(former => ResolveFormer(former, resolved)).GroupBy(r => r.Sid).Select(g => g.First()).ToArray();
            return account = resolved;
        }

        private ResolvedAccount ResolveFormer(string former, ResolvedAccount managed)
        {
            var sid = Resolver.Resolve(former, nameof(RemoveAccounts));
            if (DefaultHolders.Contains(sid) || (sid == managed.Sid && DesiredEnsure == EnsureValue.Present))
            {
                throw new InvalidPropertyValueException(nameof(RemoveAccounts), former, Strings.Format("FormerAccountIsKept", former, managed));
            }

            return new ResolvedAccount(sid, Resolver.TryGetName(sid) ?? former, false);
        }

        /// <summary>A holder for messages: its name when it still resolves, else the SID alone.</summary>
        private ResolvedAccount Named(Sid sid) => new ResolvedAccount(sid, Resolver.TryGetName(sid) ?? sid.Value, false);

        private string Describe(Sid sid) => Named(sid).ToString();

        private void ReadGroupPolicy(HgsAuditPrivilege current)
        {
            GroupPolicyRightAssignment? assignment;
            try
            {
                assignment = GroupPolicyRights.FindDomainAssignment(Right);
            }
            catch (HgsDscException e)
            {
                if (!groupPolicyReported)
                {
                    groupPolicyReported = true;
                    Log.Warning(Strings.Format("GroupPolicyUnreadable", e.Message));
                }

                current.DefinedByGroupPolicy = null;
                return;
            }

            current.DefinedByGroupPolicy = assignment != null;
            current.GroupPolicy = assignment?.DisplayName;
            current.domainAssignment = assignment;
            current.assignedByPolicy = assignment == null ? Array.Empty<Sid>() : assignment.Accounts.Select(TryResolve).Where(s => s != null).Select(s => s!).ToArray();
            if (assignment == null || groupPolicyReported)
            {
                return;
            }

            groupPolicyReported = true;
            var conflict = DescribeGroupPolicyConflict(current);
            if (conflict != null)
            {
                Log.Warning(conflict);
            }
            else
            {
                Log.Verbose(Strings.Format("GroupPolicyAgrees", assignment.DisplayName));
            }
        }

        /// <summary>Null when no domain GPO defines the right or its list already is what this configuration wants.</summary>
        private string? DescribeGroupPolicyConflict(HgsAuditPrivilege current)
        {
            var assignment = current.domainAssignment;
            if (assignment == null)
            {
                return null;
            }

            var resolved = account!;
            if (DesiredEnsure == EnsureValue.Absent)
            {
                return current.assignedByPolicy.Contains(resolved.Sid)
                    ? Strings.Format("GroupPolicyGrantsAccount", assignment.DisplayName, resolved)
                    : null;
            }

            var needed = new[] { resolved.Sid }.Concat(DefaultHolders).Distinct().Where(s => !current.assignedByPolicy.Contains(s)).ToArray();
            return needed.Length == 0
                ? null
                : Strings.Format("GroupPolicyLacksAccounts", assignment.DisplayName, string.Join(", ", needed.Select(s => s == resolved.Sid ? resolved.ToString() : Describe(s))));
        }

        /// <summary>A GPO entry as a SID; entries that do not resolve cannot be the accounts we look for.</summary>
        private Sid? TryResolve(string entry)
        {
            try
            {
                return Resolver.Resolve(entry, nameof(GroupPolicy));
            }
            catch (HgsDscException)
            {
                return null;
            }
        }

        private void Grant(HgsAuditPrivilege desired, IReadOnlyList<ResolvedAccount> toGrant)
        {
            var granted = new List<ResolvedAccount>();
            foreach (var holder in toGrant)
            {
                Log.Verbose(Strings.Format("Granting", holder));
                try
                {
                    Rights.AddRight(holder.Sid, Right);
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    var notAttempted = toGrant.Skip(granted.Count + 1).ToArray();
                    var message = granted.Count == 0
                        ? Strings.Format("GrantFailedNothingChanged", holder, e.Message, Names(notAttempted))
                        : Strings.Format("GrantFailedPartially", Names(granted), holder, e.Message, Names(notAttempted));
                    throw new NodeOperationException("GrantFailed", message, holder.Sid.Value, e);
                }

                granted.Add(holder);
                if (holder.Sid == desired.account!.Sid)
                {
                    desired.accountGranted = true;
                }
            }
        }

        private void Remove(ResolvedAccount resolved, HgsAuditPrivilege current)
        {
            var others = current.holderSids.Where(s => s != resolved.Sid).Select(Describe).ToArray();
            Log.Verbose(Strings.Format("Removing", resolved, ValueText.Of(others)));
            try
            {
                Rights.RemoveRight(resolved.Sid, Right);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                throw new NodeOperationException("RemoveFailed", Strings.Format("RemoveFailed", resolved, e.Message), resolved.Sid.Value, e);
            }
        }

        private void RecycleAfterGrant(HgsAuditPrivilege desired)
        {
            var resolved = desired.account!;
            if (desired.RecycleAppPool == false)
            {
                Log.Warning(Strings.Format("RecycleSkipped", resolved));
                return;
            }

            try
            {
                AppPool.Recycle();
            }
            catch (HgsDscException e)
            {
                // The right is granted and verified; only its taking effect waits for the next logon.
                Log.Warning(Strings.Format("RecycleFailed", resolved, e.Message));
                return;
            }

            Log.Verbose(Strings.Format("Recycled", resolved));
        }

        private static string Names(IEnumerable<ResolvedAccount> accounts) => ValueText.Of(accounts.Select(a => a.ToString()).ToArray());
    }
}
