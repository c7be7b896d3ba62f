using System;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// Answers, before Add-HgsAttestationTpmHost is run, the two questions of the guide's
    /// "endorsement key certificate" item: does the platform identifier hold an EKcert, and is it
    /// trusted by the TrustedTPM stores of this node. The stores are read once per instance, so a
    /// folder of identifier files costs one reading.
    /// </summary>
    public sealed class PlatformIdentifierCheck
    {
        /// <summary>Windows Server 2019 (build 17763) introduced v2 attestation, where -Force alone is refused.</summary>
        internal static readonly Version FirstV2AttestationBuild = new Version(10, 0, 17763);

        private readonly ITpmRootStores stores;
        private readonly Version? hgsNodeVersion;
        private readonly bool useCustomTrust;
        private TpmStoreIndex? roots;
        private TpmStoreIndex? intermediates;

        /// <param name="stores">The TrustedTPM stores to judge against.</param>
        /// <param name="hgsNodeVersion">The Windows version of the HGS node, to pick the registration switches; null when unknown.</param>
        /// <param name="useCustomTrust">Whether to use the runtime's custom root trust where it has one (tests turn it off to exercise the .NET Framework path).</param>
        public PlatformIdentifierCheck(ITpmRootStores stores, Version? hgsNodeVersion, bool useCustomTrust = true)
        {
            this.stores = stores;
            this.hgsNodeVersion = hgsNodeVersion;
            this.useCustomTrust = useCustomTrust;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsTrustedTpmRoots));

        public PlatformIdentifierReport Check(string path)
        {
            var file = PlatformIdentifierFile.Read(path);
            var report = new PlatformIdentifierReport
            {
                Path = path,
                HostName = file.HostName,
                HasEKPub = file.HasEkPublic,
                HasEKCert = file.EkCertificateText != null,
            };
            var name = file.HostName ?? "<HostName>";

            if (file.EkCertificateText == null)
            {
                report.Status = PlatformIdentifierStatus.NoEKCert;
                report.Message = Strings.Format("NoEKCert", path, name);
                report.RegisterCommand = ForceCommands(path, name);
                return report;
            }

            X509Certificate2 ekCertificate;
            try
            {
                ekCertificate = CertificateFileDecoder.Decode(PlatformIdentifierFile.CertificateBytes(file.EkCertificateText))[0].Load();
            }
            catch (Exception e) when (e is FormatException || e is InvalidCertificateFileException)
            {
                report.Status = PlatformIdentifierStatus.InvalidEKCert;
                report.Message = Strings.Format("EKCertUnreadable", path, e.Message);
                return report;
            }

            using (ekCertificate)
            {
                report.EKCertSubject = ekCertificate.Subject;
                report.EKCertIssuer = ekCertificate.Issuer;
                report.EKCertThumbprint = ekCertificate.Thumbprint;
                Judge(report, ekCertificate, path, name);
            }

            return report;
        }

        private void Judge(PlatformIdentifierReport report, X509Certificate2 ekCertificate, string path, string name)
        {
            roots = roots ?? stores.Read(TrustedTpmStore.RootCA);
            intermediates = intermediates ?? stores.Read(TrustedTpmStore.IntermediateCA);
            var verdict = EkCertificateChain.Evaluate(ekCertificate, roots, intermediates, useCustomTrust);
            report.Chain = verdict.Elements.Select(e => e.Subject.Length > 0 ? e.Subject : e.Thumbprint).ToArray();
            report.ChainProblems = verdict.Problems.ToArray();
            var subject = ekCertificate.Subject.Length > 0 ? ekCertificate.Subject : Strings.Format("EmptySubject");

            if (verdict.Trusted)
            {
                report.Status = PlatformIdentifierStatus.Trusted;
                report.TrustedRoot = verdict.Anchor!.Subject;
                report.Message = Strings.Format("EKCertTrusted", path, subject, ekCertificate.Thumbprint, verdict.Anchor.Subject, roots.DisplayName);
                report.RegisterCommand = new[] { RegisterCommand(path, name, string.Empty) };
                return;
            }

            report.Status = PlatformIdentifierStatus.Untrusted;
            if (verdict.Anchor != null)
            {
                report.TrustedRoot = verdict.Anchor.Subject;
                report.Message = Strings.Format("EKCertChainInvalid", path, subject, ekCertificate.Thumbprint, verdict.Anchor.Subject, string.Join(", ", verdict.Problems));
            }
            else if (verdict.EndsAtForeignRoot)
            {
                report.MissingIssuer = verdict.Last.Subject;
                report.Message = Strings.Format("EKCertRootNotInStore", path, subject, ekCertificate.Thumbprint, verdict.Last.Subject, verdict.Last.Thumbprint, roots.DisplayName, intermediates.DisplayName);
            }
            else
            {
                report.MissingIssuer = verdict.Last.Issuer;
                var stoppedAt = verdict.Last.Subject.Length > 0 ? verdict.Last.Subject : subject;
                report.Message = Strings.Format("EKCertIssuerMissing", path, subject, ekCertificate.Thumbprint, stoppedAt, verdict.Last.Issuer, roots.DisplayName, intermediates.DisplayName);
            }

            report.RegisterCommand = new[] { RegisterCommand(path, name, string.Empty) };
        }

        private string[] ForceCommands(string path, string name)
        {
            if (hgsNodeVersion == null)
            {
                return new[]
                {
                    Strings.Format("OnServer2016", RegisterCommand(path, name, " -Force")),
                    Strings.Format("OnServer2019", RegisterCommand(path, name, " -Force -PolicyVersion v1")),
                };
            }

            return new[] { RegisterCommand(path, name, hgsNodeVersion >= FirstV2AttestationBuild ? " -Force -PolicyVersion v1" : " -Force") };
        }

        private static string RegisterCommand(string path, string name, string switches) =>
            "Add-HgsAttestationTpmHost -Path '" + path.Replace("'", "''") + "' -Name '" + name.Replace("'", "''") + "'" + switches;
    }
}
