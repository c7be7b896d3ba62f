using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.PowerShell;
using CertificateUse = HgsDsc.Resources.HgsCertificateKeyAccess.CertificateType;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The account that runs KeyProtection (the gMSA of the IIS app pool 'KeyProtection') can read
    /// the private key of every certificate HGS was given by thumbprint, and every such certificate
    /// meets the guide's requirements. Access is read and written through the key's own provider
    /// (CNG or CryptoAPI), so HSM and third-party providers that support it are covered too. Set
    /// grants Read only, adds one entry and removes none; it cannot fix a certificate, and says so.
    /// </summary>
    [DscResource]
    [Description("The KeyProtection gMSA can read the private key of each HGS certificate added by thumbprint (one, or All that HGS uses), and each certificate meets the HGS requirements. Apply it to every node.")]
    public sealed class HgsCertificateKeyAccess : HgsDscResource<HgsCertificateKeyAccess>
    {
        private readonly HashSet<string> warned = new HashSet<string>(StringComparer.Ordinal);
        private IHgsCertificateSource? hgs;
        private ICertificateStore? store;
        private IPrivateKeySecurity? keys;
        private IAccountResolver? accounts;
        private IKeyProtectionIdentity? keyProtection;
        private Func<DateTime> utcNow = () => DateTime.UtcNow;
        private Reading? reading;

        public HgsCertificateKeyAccess()
        {
        }

        public HgsCertificateKeyAccess(
            IHgsCertificateSource hgs,
            ICertificateStore store,
            IPrivateKeySecurity keys,
            IAccountResolver accounts,
            IKeyProtectionIdentity keyProtection,
            Func<DateTime>? utcNow = null)
        {
            this.hgs = hgs;
            this.store = store;
            this.keys = keys;
            this.accounts = accounts;
            this.keyProtection = keyProtection;
            this.utcNow = utcNow ?? this.utcNow;
        }

        [DscProperty(Key = true)]
        [Description("The thumbprint of a certificate in LocalMachine\\My, or 'All' for every certificate HGS uses on this node (Get-HgsKeyProtectionCertificate and the communications certificate), so that a renewed certificate is covered without editing the configuration.")]
        public string? Thumbprint { get; set; }

        [DscProperty]
        [Description("The account that needs Read on the private keys: DOMAIN\\name$ or a SID. Default: the identity of the IIS app pool KeyProtection.")]
        public string? Account { get; set; }

        [DscProperty]
        [ValidateSet(nameof(CertificateUse.Signing), nameof(CertificateUse.Encryption), nameof(CertificateUse.Communications))]
        [Description("What the single certificate is used for (Signing, Encryption or Communications); decides the key usage it needs. Not allowed with Thumbprint 'All'. Default: what HGS reports for it.")]
        public CertificateType? CertificateType { get; set; }

        [DscProperty]
        [Description("Whether a private key held by a legacy CryptoAPI provider (CSP) is an unmet requirement. Microsoft's certificate requirements for HGS ask for a Key Storage Provider (KSP) and do not support legacy CSPs, and the troubleshooting guide recommends a KSP. Default true; false accepts a working CSP key with a warning.")]
        public bool? RequireKeyStorageProvider { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("The thumbprints checked: the one given, or every enabled certificate HGS uses that was added by thumbprint.")]
        public string[]? Certificates { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("One line per certificate checked: its use, the access of the account, unmet requirements and the key provider.")]
        public string[]? Findings { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Whether the account can read the private key of every certificate checked.")]
        public bool? AccessGranted { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Whether every certificate checked meets the HGS requirements (private key, RSA of 2048 bits or more, key usage, validity, and a Key Storage Provider unless RequireKeyStorageProvider is false).")]
        public bool? RequirementsMet { get; set; }

        // The real implementations, created on first use so that Get-HgsDscResource and the engines
        // can construct the resource anywhere; the engine-conformance tests replace them through NodeServices.
        private IHgsCertificateSource Hgs =>
            hgs ?? (hgs = NodeServices.Get<IHgsCertificateSource>(() => new HgsCertificateCmdlets(new RunspaceCommandInvoker())));

        private ICertificateStore Store => store ?? (store = NodeServices.Get<ICertificateStore>(() => new LocalMachineCertificateStore()));

        private IPrivateKeySecurity Keys => keys ?? (keys = NodeServices.Get<IPrivateKeySecurity>(() => new WindowsPrivateKeySecurity()));

        private IAccountResolver Accounts => accounts ?? (accounts = NodeServices.Get<IAccountResolver>(() => new WindowsAccountResolver()));

        private IKeyProtectionIdentity KeyProtection =>
            keyProtection ?? (keyProtection = NodeServices.Get<IKeyProtectionIdentity>(() => new KeyProtectionAppPool(new RunspaceCommandInvoker())));

        private bool CoversAll => CertificateThumbprint.IsAll(Thumbprint);

        protected override void AssertProperties()
        {
            base.AssertProperties();
            if (!CoversAll && CertificateThumbprint.Normalize(Thumbprint) == null)
            {
                throw new InvalidPropertyValueException(nameof(Thumbprint), Thumbprint, Strings.Format("ThumbprintInvalid", Thumbprint));
            }

            if (CoversAll && CertificateType != null)
            {
                throw new InvalidPropertyValueException(nameof(CertificateType), CertificateType.ToString(), Strings.Format("CertificateTypeWithAll", CertificateType));
            }

            if (Account != null && Account.Trim().Length == 0)
            {
                throw new InvalidPropertyValueException(nameof(Account), Account, Strings.Format("AccountEmpty"));
            }
        }

        protected override void NormalizeProperties()
        {
            Thumbprint = CoversAll ? CertificateThumbprint.All : CertificateThumbprint.Normalize(Thumbprint);
            Account = Account?.Trim();
        }

        /// <summary>Account, CertificateType and RequireKeyStorageProvider choose what is checked; they are not state to compare.</summary>
        protected override bool IsCompared(string propertyName) =>
            propertyName != nameof(Account) && propertyName != nameof(CertificateType) && propertyName != nameof(RequireKeyStorageProvider);

        private bool KeyStorageProviderRequired => RequireKeyStorageProvider != false;

        protected override HgsCertificateKeyAccess GetCurrentState(HgsCertificateKeyAccess desired)
        {
            var account = KeyProtectionAccount.Resolve(desired.Account, nameof(Account), Accounts, KeyProtection, Log);
            Log.Verbose(Strings.Format("CheckingAccount", account));
            var selection = new CertificateSelection(Hgs, Log, WarnOnce);
            var inspection = new CertificateInspection(Store, Keys, utcNow, Log, WarnOnce);
            string? nothingToCheck = null;
            var findings = (desired.CoversAll ? selection.InUse(out nothingToCheck) : new[] { selection.Declared(desired.Thumbprint!, desired.CertificateType) })
                .Select(f => inspection.Inspect(f, account, desired.KeyStorageProviderRequired))
                .ToArray();

            return new HgsCertificateKeyAccess
            {
                Account = account.ToString(),
                CertificateType = desired.CoversAll ? null : desired.CertificateType ?? findings[0].HgsUses.Cast<CertificateType?>().FirstOrDefault(),
                RequireKeyStorageProvider = desired.KeyStorageProviderRequired,
                Certificates = findings.Select(f => f.Thumbprint).ToArray(),
                Findings = findings.Select(KeyAccessMessages.Finding).ToArray(),
                AccessGranted = nothingToCheck != null ? (bool?)null : findings.All(f => f.Access == KeyAccessState.Granted || f.Access == KeyAccessState.Unrestricted),
                RequirementsMet = nothingToCheck != null ? (bool?)null : findings.All(f => f.InStore && f.Unmet.Count == 0),
                reading = new Reading(account, findings, nothingToCheck),
            };
        }

        protected override IReadOnlyList<StateDifference> Compare(HgsCertificateKeyAccess desired, HgsCertificateKeyAccess current)
        {
            var differences = base.Compare(desired, current).ToList();
            var found = current.reading;
            if (found == null)
            {
                return differences;
            }

            if (found.NothingToCheck != null)
            {
                differences.Add(new StateDifference(nameof(Certificates), CertificateThumbprint.All, null, found.NothingToCheck));
            }

            foreach (var finding in found.Findings)
            {
                differences.AddRange(CertificateProblem.Of(finding, found.Account).Select(p => p.Difference));
            }

            return differences;
        }

        protected override void Modify(HgsCertificateKeyAccess desired, HgsCertificateKeyAccess current, IReadOnlyList<StateDifference> differences)
        {
            var found = current.reading!;
            var grant = new KeyReadGrant(Store, Keys, Log);
            var changed = new List<string>();
            var unchanged = new List<string>();
            if (found.NothingToCheck != null)
            {
                unchanged.Add(found.NothingToCheck);
            }

            foreach (var finding in found.Findings)
            {
                var problems = CertificateProblem.Of(finding, found.Account);
                var blockers = problems.Where(p => !p.SetCanFix).Select(p => p.Difference.Phrase).ToArray();
                if (blockers.Length > 0)
                {
                    unchanged.Add(KeyAccessMessages.CertificateNotChanged(finding, string.Join(" ", blockers)));
                    continue;
                }

                if (problems.Count == 0)
                {
                    continue;
                }

                var blocker = grant.Grant(finding, found.Account, out var written);
                if (blocker != null)
                {
                    unchanged.Add(KeyAccessMessages.CertificateNotChanged(finding, blocker));
                }
                else if (written)
                {
                    changed.Add(KeyAccessMessages.CertificateChanged(finding, found.Account));
                }
            }

            if (unchanged.Count > 0)
            {
                throw new NodeOperationException("CertificateKeyAccessIncomplete", KeyAccessMessages.SetIncomplete(changed, unchanged), Thumbprint);
            }
        }

        /// <summary>Set reads the node twice; a warning about the same thing is given once.</summary>
        private void WarnOnce(string message)
        {
            if (warned.Add(message))
            {
                Log.Warning(message);
            }
        }

        /// <summary>What one reading found, kept on the current-state object for Compare and Modify.</summary>
        private sealed class Reading
        {
            public Reading(ResolvedAccount account, IReadOnlyList<CertificateFinding> findings, string? nothingToCheck)
            {
                Account = account;
                Findings = findings;
                NothingToCheck = nothingToCheck;
            }

            public ResolvedAccount Account { get; }

            public IReadOnlyList<CertificateFinding> Findings { get; }

            /// <summary>With Thumbprint 'All': why there was no certificate to check (null when there were some).</summary>
            public string? NothingToCheck { get; }
        }
    }
}
