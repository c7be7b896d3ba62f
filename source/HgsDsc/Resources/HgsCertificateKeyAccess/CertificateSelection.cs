using System;
using System.Collections.Generic;
using System.Linq;
using HgsDsc.Common;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// Which certificates one reading checks, and what HGS uses each for: the one the
    /// configuration names, or with Thumbprint 'All' every enabled certificate HGS uses that was
    /// added by thumbprint, so that a renewed certificate is covered without editing the configuration.
    /// </summary>
    internal sealed class CertificateSelection
    {
        private readonly IHgsCertificateSource hgs;
        private readonly IDscLog log;

        // The resource's, not the log's: Set reads the node twice and says each warning once across both readings.
        private readonly Action<string> warnOnce;

        public CertificateSelection(IHgsCertificateSource hgs, IDscLog log, Action<string> warnOnce)
        {
            this.hgs = hgs;
            this.log = log;
            this.warnOnce = warnOnce;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsCertificateKeyAccess));

        /// <summary>
        /// The enabled certificates HGS uses that were added by thumbprint. When there are none,
        /// <paramref name="nothingToCheck"/> says why: a check that found nothing to check is never
        /// taken for compliance, because an empty list cannot be told from one that was misread.
        /// </summary>
        public IReadOnlyList<CertificateFinding> InUse(out string? nothingToCheck)
        {
            var uses = hgs.GetCertificates();
            foreach (var use in uses.Where(u => !u.AddedByThumbprint))
            {
                log.Verbose(Strings.Format("SkippingPfxCertificate", use.Thumbprint, use.Type));
            }

            foreach (var use in uses.Where(u => u.Origin == CertificateOrigin.Unrecognized))
            {
                log.Verbose(use.CertificateData == null
                    ? Strings.Format("CertificateDataMissing", use.Thumbprint, use.Type)
                    : Strings.Format("CertificateDataUnrecognized", use.Thumbprint, use.Type, use.CertificateData));
            }

            foreach (var use in uses.Where(u => u.AddedByThumbprint && !u.Enabled))
            {
                log.Verbose(Strings.Format("SkippingDisabledCertificate", use.Thumbprint, use.Type));
            }

            var findings = uses
                .Where(u => u.AddedByThumbprint && u.Enabled)
                .GroupBy(u => u.Thumbprint, StringComparer.Ordinal)
                .Select(g => new CertificateFinding(g.Key, null, g.Select(u => u.Type).Distinct().OrderBy(t => t).ToArray())
                {
                    OriginUnconfirmed = g.Any(u => u.Origin == CertificateOrigin.Unrecognized),
                })
                .ToArray();
            log.Verbose(Strings.Format("CertificatesInUse", findings.Length, string.Join(", ", findings.Select(f => f.Thumbprint + " (" + KeyAccessMessages.Uses(f) + ")"))));

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

        /// <summary>
        /// The certificate the configuration names. HGS is asked what it uses it for only where its
        /// cmdlets are installed (the role may not be yet); a certificate HGS does not list is still
        /// checked, against the declared use.
        /// </summary>
        public CertificateFinding Declared(string thumbprint, CertificateType? declaredType)
        {
            IReadOnlyList<CertificateType> hgsUses = new CertificateType[0];
            if (hgs.IsAvailable())
            {
                try
                {
                    hgsUses = hgs.GetCertificates()
                        .Where(u => u.Thumbprint == thumbprint)
                        .Select(u => u.Type)
                        .Distinct()
                        .OrderBy(t => t)
                        .ToArray();
                }
                catch (HgsDscException e)
                {
                    warnOnce(Strings.Format("HgsCertificatesUnreadable", thumbprint, e.Message));
                }
            }

            if (hgsUses.Count == 0 && declaredType == null)
            {
                warnOnce(Strings.Format("UseUnknown", thumbprint));
            }

            return new CertificateFinding(thumbprint, declaredType, hgsUses);
        }
    }
}
