using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.PowerShell;
using HgsDsc.Common.Security;
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
        private Inspection? inspection;

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
            string? nothingToCheck = null;
            var findings = (desired.CoversAll ? CertificatesInUse(out nothingToCheck) : new[] { DeclaredCertificate(desired) })
                .Select(f => Inspect(f, account, desired.KeyStorageProviderRequired))
                .ToArray();

            return new HgsCertificateKeyAccess
            {
                Account = account.ToString(),
                CertificateType = desired.CoversAll ? null : desired.CertificateType ?? findings[0].HgsUses.Cast<CertificateType?>().FirstOrDefault(),
                RequireKeyStorageProvider = desired.KeyStorageProviderRequired,
                Certificates = findings.Select(f => f.Thumbprint).ToArray(),
                Findings = findings.Select(Describe).ToArray(),
                AccessGranted = nothingToCheck != null ? (bool?)null : findings.All(f => f.Access == KeyAccessState.Granted || f.Access == KeyAccessState.Unrestricted),
                RequirementsMet = nothingToCheck != null ? (bool?)null : findings.All(f => f.InStore && f.Unmet.Count == 0),
                inspection = new Inspection(account, findings, nothingToCheck),
            };
        }

        protected override IReadOnlyList<StateDifference> Compare(HgsCertificateKeyAccess desired, HgsCertificateKeyAccess current)
        {
            var differences = base.Compare(desired, current).ToList();
            var found = current.inspection;
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
                differences.AddRange(Problems(finding, found.Account).Select(p => p.Difference));
            }

            return differences;
        }

        protected override void Modify(HgsCertificateKeyAccess desired, HgsCertificateKeyAccess current, IReadOnlyList<StateDifference> differences)
        {
            var found = current.inspection!;
            var changed = new List<string>();
            var unchanged = new List<string>();
            if (found.NothingToCheck != null)
            {
                unchanged.Add(found.NothingToCheck);
            }

            foreach (var finding in found.Findings)
            {
                var problems = Problems(finding, found.Account);
                var blockers = problems.Where(p => !p.SetCanFix).Select(p => p.Difference.Phrase).ToArray();
                if (blockers.Length > 0)
                {
                    unchanged.Add(Strings.Format("CertificateNotChanged", finding.Thumbprint, string.Join(" ", blockers)));
                    continue;
                }

                if (problems.Count == 0)
                {
                    continue;
                }

                var blocker = GrantRead(finding, found.Account, out var written);
                if (blocker != null)
                {
                    unchanged.Add(Strings.Format("CertificateNotChanged", finding.Thumbprint, blocker));
                }
                else if (written)
                {
                    changed.Add(Strings.Format("CertificateChanged", finding.Thumbprint, found.Account));
                }
            }

            if (unchanged.Count > 0)
            {
                var message = changed.Count == 0
                    ? Strings.Format("SetIncompleteNothingChanged", string.Join(" ", unchanged))
                    : Strings.Format("SetIncomplete", string.Join(" ", changed), string.Join(" ", unchanged));
                throw new NodeOperationException("CertificateKeyAccessIncomplete", message, Thumbprint);
            }
        }

        /// <summary>
        /// Grants Read on one key, reading its access list again first so that nothing written
        /// since the last reading is lost. Returns why it could not, or null when the account has
        /// Read now; <paramref name="written"/> says whether this call wrote the grant.
        /// </summary>
        private string? GrantRead(CertificateFinding finding, ResolvedAccount account, out bool written)
        {
            written = false;
            using (var certificate = Store.Find(finding.Thumbprint))
            {
                if (certificate == null)
                {
                    return Strings.Format("CertificateMissing", finding.Thumbprint, UsesText(finding));
                }

                var writing = false;
                try
                {
                    using (var key = Keys.Open(certificate))
                    {
                        var descriptor = SecurityDescriptor.Parse(key.ReadSecurityDescriptor());
                        var evaluation = KeyReadAccess.Evaluate(descriptor, account.Sid);
                        switch (evaluation.State)
                        {
                            case KeyAccessState.Granted:
                            case KeyAccessState.Unrestricted:
                                Log.Verbose(Strings.Format("AlreadyGranted", account, finding.Thumbprint));
                                return null;
                            case KeyAccessState.Denied:
                                return Strings.Format("ReadDenied", account, finding.Thumbprint, UsesText(finding), evaluation.DeniedMask);
                        }

                        SecurityDescriptor granted;
                        try
                        {
                            granted = KeyReadAccess.GrantRead(descriptor, account.Sid, key.Kind);
                        }
                        catch (InvalidOperationException e)
                        {
                            Log.Verbose(Strings.Format("AccessListNotExtendedDetail", finding.Thumbprint, e.Message));
                            return Strings.Format("AccessListNotExtended", finding.Thumbprint, UsesText(finding), account);
                        }

                        Log.Verbose(Strings.Format("GrantingRead", account, finding.Thumbprint, ProviderText(ProviderNameOf(key)), KeyReadAccess.ReadMaskFor(key.Kind)));
                        writing = true;
                        key.WriteSecurityDescriptor(granted.ToBinary());
                        written = true;
                        return null;
                    }
                }
                catch (PrivateKeyAccessException e) when (e.Problem == PrivateKeyProblem.ProviderCannotSetAccess)
                {
                    return ProviderCannotSetAccessPhrase(finding, account);
                }
                catch (PrivateKeyAccessException e) when (writing)
                {
                    return Strings.Format("ReadNotWritten", finding.Thumbprint, UsesText(finding), account, ProviderText(finding.ProviderName), e.Message);
                }
                catch (PrivateKeyAccessException e)
                {
                    return Strings.Format("AccessUnreadable", finding.Thumbprint, UsesText(finding), e.Message);
                }
                catch (FormatException e)
                {
                    return MalformedDescriptorPhrase(finding, e);
                }
            }
        }

        /// <summary>
        /// The parser's own text says exactly what is wrong with the bytes but means nothing to an
        /// administrator: it goes to the verbose stream, and the phrase says what to do.
        /// </summary>
        private string MalformedDescriptorPhrase(CertificateFinding finding, FormatException error)
        {
            Log.Verbose(Strings.Format("SecurityDescriptorMalformedDetail", finding.Thumbprint, error.Message));
            return Strings.Format("SecurityDescriptorMalformed", finding.Thumbprint, UsesText(finding), ProviderText(finding.ProviderName));
        }

        /// <summary>
        /// The enabled certificates HGS uses that were added by thumbprint. When there are none,
        /// <paramref name="nothingToCheck"/> says why: a check that found nothing to check is never
        /// taken for compliance, because an empty list cannot be told from one that was misread.
        /// </summary>
        private IEnumerable<CertificateFinding> CertificatesInUse(out string? nothingToCheck)
        {
            var uses = Hgs.GetCertificates();
            foreach (var use in uses.Where(u => !u.AddedByThumbprint))
            {
                Log.Verbose(Strings.Format("SkippingPfxCertificate", use.Thumbprint, use.Type));
            }

            foreach (var use in uses.Where(u => u.Origin == CertificateOrigin.Unrecognized))
            {
                Log.Verbose(use.CertificateData == null
                    ? Strings.Format("CertificateDataMissing", use.Thumbprint, use.Type)
                    : Strings.Format("CertificateDataUnrecognized", use.Thumbprint, use.Type, use.CertificateData));
            }

            foreach (var use in uses.Where(u => u.AddedByThumbprint && !u.Enabled))
            {
                Log.Verbose(Strings.Format("SkippingDisabledCertificate", use.Thumbprint, use.Type));
            }

            var findings = uses
                .Where(u => u.AddedByThumbprint && u.Enabled)
                .GroupBy(u => u.Thumbprint, StringComparer.Ordinal)
                .Select(g => new CertificateFinding(g.Key, null, g.Select(u => u.Type).Distinct().OrderBy(t => t).ToArray())
                {
                    OriginUnconfirmed = g.Any(u => u.Origin == CertificateOrigin.Unrecognized),
                })
                .ToArray();
            Log.Verbose(Strings.Format("CertificatesInUse", findings.Length, string.Join(", ", findings.Select(f => f.Thumbprint + " (" + UsesText(f) + ")"))));

            nothingToCheck = null;
            if (uses.Count == 0)
            {
                nothingToCheck = Strings.Format("NoHgsCertificates");
            }
            else if (findings.Length == 0)
            {
                nothingToCheck = Strings.Format("NoCertificateToCheck", uses.Count, uses.Count(u => !u.AddedByThumbprint), uses.Count(u => u.AddedByThumbprint && !u.Enabled));
            }

            return findings;
        }

        private CertificateFinding DeclaredCertificate(HgsCertificateKeyAccess desired)
        {
            var thumbprint = desired.Thumbprint!;
            IReadOnlyList<CertificateType> hgsUses = new CertificateType[0];
            if (Hgs.IsAvailable())
            {
                try
                {
                    hgsUses = Hgs.GetCertificates()
                        .Where(u => u.Thumbprint == thumbprint)
                        .Select(u => u.Type)
                        .Distinct()
                        .OrderBy(t => t)
                        .ToArray();
                }
                catch (HgsDscException e)
                {
                    WarnOnce(Strings.Format("HgsCertificatesUnreadable", thumbprint, e.Message));
                }
            }

            if (hgsUses.Count == 0 && desired.CertificateType == null)
            {
                WarnOnce(Strings.Format("UseUnknown", thumbprint));
            }

            return new CertificateFinding(thumbprint, desired.CertificateType, hgsUses);
        }

        private CertificateFinding Inspect(CertificateFinding finding, ResolvedAccount account, bool keyStorageProviderRequired)
        {
            using (var certificate = Store.Find(finding.Thumbprint))
            {
                if (certificate == null)
                {
                    return finding;
                }

                finding.InStore = true;
                var unmet = CertificateRequirements.Check(certificate, finding.Uses, utcNow()).ToList();
                if (certificate.HasPrivateKey)
                {
                    InspectKey(finding, certificate, account, keyStorageProviderRequired, unmet);
                }

                finding.Unmet = unmet;
                return finding;
            }
        }

        private void InspectKey(CertificateFinding finding, X509Certificate2 certificate, ResolvedAccount account, bool keyStorageProviderRequired, List<UnmetRequirement> unmet)
        {
            IPrivateKeyHandle key;
            try
            {
                key = Keys.Open(certificate);
            }
            catch (PrivateKeyAccessException e)
            {
                unmet.Add(e.Problem == PrivateKeyProblem.NoPrivateKey
                    ? new UnmetRequirement(CertificateRequirement.PrivateKeyPresent, null)
                    : new UnmetRequirement(CertificateRequirement.PrivateKeyReachable, e));
                return;
            }

            using (key)
            {
                finding.ProviderKind = key.Kind;
                finding.ProviderName = ProviderNameOf(key);
                if (key.Kind == KeyProviderKind.Capi)
                {
                    if (keyStorageProviderRequired)
                    {
                        unmet.Add(new UnmetRequirement(CertificateRequirement.KeyStorageProvider, ProviderText(finding.ProviderName)));
                    }
                    else
                    {
                        WarnOnce(Strings.Format("LegacyProvider", finding.Thumbprint, ProviderText(finding.ProviderName)));
                    }
                }

                try
                {
                    var evaluation = KeyReadAccess.Evaluate(SecurityDescriptor.Parse(key.ReadSecurityDescriptor()), account.Sid);
                    finding.Access = evaluation.State;
                    finding.DeniedMask = evaluation.DeniedMask;
                    if (evaluation.State == KeyAccessState.Unrestricted)
                    {
                        WarnOnce(Strings.Format("NoAccessList", finding.Thumbprint, account));
                    }
                }
                catch (PrivateKeyAccessException e) when (e.Problem == PrivateKeyProblem.ProviderCannotSetAccess)
                {
                    finding.Access = KeyAccessState.ProviderCannotSetAccess;
                }
                catch (PrivateKeyAccessException e)
                {
                    finding.AccessProblem = Strings.Format("AccessUnreadable", finding.Thumbprint, UsesText(finding), e.Message);
                }
                catch (FormatException e)
                {
                    finding.AccessProblem = MalformedDescriptorPhrase(finding, e);
                }
            }
        }

        /// <summary>Everything wrong with one certificate, each with whether Set can fix it (only a missing grant).</summary>
        private IReadOnlyList<Problem> Problems(CertificateFinding finding, ResolvedAccount account)
        {
            var problems = new List<Problem>();
            var uses = UsesText(finding);
            if (!finding.InStore)
            {
                problems.Add(new Problem(
                    nameof(Certificates),
                    finding.Thumbprint,
                    Strings.Format(finding.OriginUnconfirmed ? "CertificateMissingOriginUnconfirmed" : "CertificateMissing", finding.Thumbprint, uses)));
                return problems;
            }

            if (finding.TypeMismatch)
            {
                problems.Add(new Problem(
                    nameof(CertificateType),
                    finding.DeclaredType,
                    Strings.Format("CertificateTypeMismatch", finding.Thumbprint, string.Join(", ", finding.HgsUses), finding.DeclaredType)));
            }

            if (finding.Unmet.Count > 0)
            {
                problems.Add(new Problem(
                    nameof(RequirementsMet),
                    true,
                    Strings.Format("RequirementsNotMet", finding.Thumbprint, uses, string.Join(" ", finding.Unmet.Select(RequirementPhrase)))));
            }

            switch (finding.Access)
            {
                case KeyAccessState.NotGranted:
                    problems.Add(new Problem(
                        nameof(AccessGranted),
                        true,
                        Strings.Format("ReadNotGranted", account, finding.Thumbprint, uses, ProviderText(finding.ProviderName)),
                        setCanFix: true));
                    break;
                case KeyAccessState.Denied:
                    problems.Add(new Problem(nameof(AccessGranted), true, Strings.Format("ReadDenied", account, finding.Thumbprint, uses, finding.DeniedMask)));
                    break;
                case KeyAccessState.ProviderCannotSetAccess:
                    problems.Add(new Problem(nameof(AccessGranted), true, ProviderCannotSetAccessPhrase(finding, account)));
                    break;
                case KeyAccessState.Unknown when finding.AccessProblem != null:
                    problems.Add(new Problem(nameof(AccessGranted), true, finding.AccessProblem));
                    break;
            }

            return problems;
        }

        private string ProviderCannotSetAccessPhrase(CertificateFinding finding, ResolvedAccount account)
        {
            var notes = string.Join(" ", HsmVendorNotes.For(finding.ProviderName).Select(key => Strings.Format(key)));
            return Strings.Format(
                "ProviderCannotSetAccess", account, finding.Thumbprint, UsesText(finding), ProviderText(finding.ProviderName), Strings.Format("VendorNotes", notes));
        }

        private string RequirementPhrase(UnmetRequirement unmet)
        {
            switch (unmet.Requirement)
            {
                case CertificateRequirement.PrivateKeyReachable:
                    var error = (PrivateKeyAccessException)unmet.Found!;
                    switch (error.Problem)
                    {
                        case PrivateKeyProblem.NeedsInteraction:
                            return Strings.Format("RequirementKeyNeedsInteraction", error.Message);
                        case PrivateKeyProblem.AccessDenied:
                            return Strings.Format("RequirementKeyAccessDenied", error.Message);
                        case PrivateKeyProblem.KeyUnreachable:
                            return Strings.Format("RequirementKeyUnreachable", error.Message);
                        case PrivateKeyProblem.KeysetMissingOrDenied:
                            return Strings.Format("RequirementKeysetMissingOrDenied", error.Message);
                        default:
                            return Strings.Format("RequirementKeyFailed", error.Message);
                    }

                case CertificateRequirement.PrivateKeyPresent:
                    return Strings.Format("RequirementPrivateKeyPresent");
                case CertificateRequirement.RsaKey:
                    return Strings.Format("RequirementRsaKey", unmet.Found ?? Strings.Format("AlgorithmNotKnown"));
                case CertificateRequirement.KeySize:
                    return Strings.Format("RequirementKeySize", unmet.Found);
                case CertificateRequirement.SigningKeyUsage:
                    return Strings.Format("RequirementSigningKeyUsage", unmet.Found);
                case CertificateRequirement.EncryptionKeyUsage:
                    return Strings.Format("RequirementEncryptionKeyUsage", unmet.Found);
                case CertificateRequirement.CommunicationsKeyUsage:
                    return Strings.Format("RequirementCommunicationsKeyUsage", unmet.Found);
                case CertificateRequirement.NotYetValid:
                    return Strings.Format("RequirementNotYetValid", unmet.Found);
                case CertificateRequirement.KeyStorageProvider:
                    return Strings.Format("RequirementKeyStorageProvider", unmet.Found);
                default:
                    return Strings.Format("RequirementExpired", unmet.Found);
            }
        }

        private string Describe(CertificateFinding finding)
        {
            var uses = UsesText(finding);
            if (!finding.InStore)
            {
                return Strings.Format("FindingMissing", finding.Thumbprint, uses);
            }

            var provider = finding.ProviderName == null ? ProviderText(null) : ProviderText(finding.ProviderName) + " (" + finding.ProviderKind + ")";
            return finding.Unmet.Count == 0
                ? Strings.Format("FindingCompliant", finding.Thumbprint, uses, finding.Access, provider)
                : Strings.Format("FindingNotCompliant", finding.Thumbprint, uses, finding.Access, string.Join(", ", finding.Unmet), provider);
        }

        private string UsesText(CertificateFinding finding) =>
            finding.Uses.Count == 0 ? Strings.Format("UsesNotKnown") : string.Join(", ", finding.Uses);

        /// <summary>A provider's name quoted for a message, or the words for one that did not give it.</summary>
        private string ProviderText(string? providerName) =>
            providerName == null ? Strings.Format("ProviderNameNotKnown") : "'" + providerName + "'";

        /// <summary>The provider's name for messages; a provider that cannot say is named by what little is known.</summary>
        private static string? ProviderNameOf(IPrivateKeyHandle key)
        {
            try
            {
                return key.ProviderName;
            }
            catch (PrivateKeyAccessException)
            {
                return null;
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
        private sealed class Inspection
        {
            public Inspection(ResolvedAccount account, IReadOnlyList<CertificateFinding> findings, string? nothingToCheck)
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

        private sealed class Problem
        {
            public Problem(string property, object? expected, string phrase, bool setCanFix = false)
            {
                Difference = new StateDifference(property, expected, null, phrase);
                SetCanFix = setCanFix;
            }

            public StateDifference Difference { get; }

            public bool SetCanFix { get; }
        }
    }
}
