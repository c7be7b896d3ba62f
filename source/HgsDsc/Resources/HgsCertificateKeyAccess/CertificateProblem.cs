using System.Collections.Generic;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// One thing wrong with a certificate, as the difference Get and Test report, and whether Set
    /// can put it right. Set only grants Read, so a missing grant is the one problem it can fix;
    /// the others it reports and leaves alone.
    /// </summary>
    internal sealed class CertificateProblem
    {
        private CertificateProblem(string property, object? expected, string phrase, bool setCanFix = false)
        {
            Difference = new StateDifference(property, expected, null, phrase);
            SetCanFix = setCanFix;
        }

        public StateDifference Difference { get; }

        public bool SetCanFix { get; }

        /// <summary>Everything wrong with one certificate; a certificate missing from the store has nothing else to judge.</summary>
        public static IReadOnlyList<CertificateProblem> Of(CertificateFinding finding, ResolvedAccount account)
        {
            var problems = new List<CertificateProblem>();
            if (!finding.InStore)
            {
                problems.Add(new CertificateProblem(nameof(HgsCertificateKeyAccess.Certificates), finding.Thumbprint, KeyAccessMessages.CertificateMissing(finding)));
                return problems;
            }

            if (finding.TypeMismatch)
            {
                problems.Add(new CertificateProblem(nameof(HgsCertificateKeyAccess.CertificateType), finding.DeclaredType, KeyAccessMessages.TypeMismatch(finding)));
            }

            if (finding.Unmet.Count > 0)
            {
                problems.Add(new CertificateProblem(nameof(HgsCertificateKeyAccess.RequirementsMet), true, KeyAccessMessages.RequirementsNotMet(finding)));
            }

            switch (finding.Access)
            {
                case KeyAccessState.NotGranted:
                    problems.Add(new CertificateProblem(nameof(HgsCertificateKeyAccess.AccessGranted), true, KeyAccessMessages.ReadNotGranted(finding, account), setCanFix: true));
                    break;
                case KeyAccessState.Denied:
                    problems.Add(new CertificateProblem(nameof(HgsCertificateKeyAccess.AccessGranted), true, KeyAccessMessages.ReadDenied(finding, account, finding.DeniedMask)));
                    break;
                case KeyAccessState.ProviderCannotSetAccess:
                    problems.Add(new CertificateProblem(nameof(HgsCertificateKeyAccess.AccessGranted), true, KeyAccessMessages.ProviderCannotSetAccess(finding, account)));
                    break;
                case KeyAccessState.Unknown when finding.AccessProblem != null:
                    problems.Add(new CertificateProblem(nameof(HgsCertificateKeyAccess.AccessGranted), true, finding.AccessProblem));
                    break;
            }

            return problems;
        }
    }
}
