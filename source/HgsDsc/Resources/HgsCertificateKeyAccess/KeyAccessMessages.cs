using System;
using System.Collections.Generic;
using System.Linq;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The sentences an administrator reads about a certificate and its key. Reading the node
    /// (Get, Test) and granting Read (Set) meet the same situations; composing them in one place
    /// keeps both describing a situation in the same words.
    /// </summary>
    internal static class KeyAccessMessages
    {
        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsCertificateKeyAccess));

        /// <summary>What the certificate is used for, or the words for a use nobody gave.</summary>
        public static string Uses(CertificateFinding finding) =>
            finding.Uses.Count == 0 ? Strings.Format("UsesNotKnown") : string.Join(", ", finding.Uses);

        /// <summary>A provider's name quoted for a message, or the words for one that did not give it.</summary>
        public static string Provider(string? providerName) =>
            providerName == null ? Strings.Format("ProviderNameNotKnown") : "'" + providerName + "'";

        /// <summary>The line of the Findings property for one certificate.</summary>
        public static string Finding(CertificateFinding finding)
        {
            var uses = Uses(finding);
            if (!finding.InStore)
            {
                return Strings.Format("FindingMissing", finding.Thumbprint, uses);
            }

            var provider = finding.ProviderName == null ? Provider(null) : Provider(finding.ProviderName) + " (" + finding.ProviderKind + ")";
            return finding.Unmet.Count == 0
                ? Strings.Format("FindingCompliant", finding.Thumbprint, uses, finding.Access, provider)
                : Strings.Format("FindingNotCompliant", finding.Thumbprint, uses, finding.Access, string.Join(", ", finding.Unmet), provider);
        }

        public static string CertificateMissing(CertificateFinding finding) =>
            Strings.Format(finding.OriginUnconfirmed ? "CertificateMissingOriginUnconfirmed" : "CertificateMissing", finding.Thumbprint, Uses(finding));

        /// <summary>Set reaches this only when the certificate was removed after the reading found it in the store.</summary>
        public static string CertificateMissingAtSet(CertificateFinding finding) =>
            Strings.Format("CertificateMissing", finding.Thumbprint, Uses(finding));

        public static string TypeMismatch(CertificateFinding finding) =>
            Strings.Format("CertificateTypeMismatch", finding.Thumbprint, string.Join(", ", finding.HgsUses), finding.DeclaredType);

        public static string RequirementsNotMet(CertificateFinding finding) =>
            Strings.Format("RequirementsNotMet", finding.Thumbprint, Uses(finding), string.Join(" ", finding.Unmet.Select(Requirement)));

        /// <summary>One unmet requirement, with what was found and the guide's remedy.</summary>
        public static string Requirement(UnmetRequirement unmet)
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

        public static string ReadNotGranted(CertificateFinding finding, ResolvedAccount account) =>
            Strings.Format("ReadNotGranted", account, finding.Thumbprint, Uses(finding), Provider(finding.ProviderName));

        public static string ReadDenied(CertificateFinding finding, ResolvedAccount account, uint deniedMask) =>
            Strings.Format("ReadDenied", account, finding.Thumbprint, Uses(finding), deniedMask);

        /// <summary>The provider cannot grant a single account access, so the phrase points to the HSM vendor's notes.</summary>
        public static string ProviderCannotSetAccess(CertificateFinding finding, ResolvedAccount account)
        {
            var notes = string.Join(" ", HsmVendorNotes.For(finding.ProviderName).Select(key => Strings.Format(key)));
            return Strings.Format(
                "ProviderCannotSetAccess", account, finding.Thumbprint, Uses(finding), Provider(finding.ProviderName), Strings.Format("VendorNotes", notes));
        }

        public static string AccessUnreadable(CertificateFinding finding, PrivateKeyAccessException error) =>
            Strings.Format("AccessUnreadable", finding.Thumbprint, Uses(finding), error.Message);

        /// <summary>
        /// The parser's own text says exactly what is wrong with the bytes but means nothing to an
        /// administrator: it goes to the verbose stream, and the phrase says what to do.
        /// </summary>
        public static string SecurityDescriptorMalformed(CertificateFinding finding, FormatException error, IDscLog log)
        {
            log.Verbose(Strings.Format("SecurityDescriptorMalformedDetail", finding.Thumbprint, error.Message));
            return Strings.Format("SecurityDescriptorMalformed", finding.Thumbprint, Uses(finding), Provider(finding.ProviderName));
        }

        public static string AccessListNotExtended(CertificateFinding finding, ResolvedAccount account) =>
            Strings.Format("AccessListNotExtended", finding.Thumbprint, Uses(finding), account);

        public static string ReadNotWritten(CertificateFinding finding, ResolvedAccount account, PrivateKeyAccessException error) =>
            Strings.Format("ReadNotWritten", finding.Thumbprint, Uses(finding), account, Provider(finding.ProviderName), error.Message);

        public static string CertificateChanged(CertificateFinding finding, ResolvedAccount account) =>
            Strings.Format("CertificateChanged", finding.Thumbprint, account);

        /// <summary>One certificate Set left as it was, and why.</summary>
        public static string CertificateNotChanged(CertificateFinding finding, string reason) =>
            Strings.Format("CertificateNotChanged", finding.Thumbprint, reason);

        /// <summary>
        /// What a Set that could not finish did and did not do, so that an administrator knows the
        /// node's state without running Get.
        /// </summary>
        public static string SetIncomplete(IReadOnlyCollection<string> changed, IReadOnlyCollection<string> unchanged) =>
            changed.Count == 0
                ? Strings.Format("SetIncompleteNothingChanged", string.Join(" ", unchanged))
                : Strings.Format("SetIncomplete", string.Join(" ", changed), string.Join(" ", unchanged));
    }
}
