using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
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
        private readonly IDscLog log;
        private TpmStoreIndex? roots;
        private TpmStoreIndex? intermediates;
        private EkCertificateChain? chain;

        /// <param name="stores">The TrustedTPM stores to judge against.</param>
        /// <param name="hgsNodeVersion">The Windows version of the HGS node, to pick the registration switches; null when unknown.</param>
        /// <param name="log">Where technical detail goes (Verbose); nowhere when null.</param>
        public PlatformIdentifierCheck(ITpmRootStores stores, Version? hgsNodeVersion, IDscLog? log = null)
        {
            this.stores = stores;
            this.hgsNodeVersion = hgsNodeVersion;
            this.log = log ?? NullDscLog.Instance;
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
            catch (InvalidCertificateFileException e)
            {
                return Unreadable(report, path, e.Message, e.Detail);
            }
            catch (FormatException e)
            {
                return Unreadable(report, path, Strings.Format("EKCertNotBase64"), e.Message);
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

        private PlatformIdentifierReport Unreadable(PlatformIdentifierReport report, string path, string reason, string? detail)
        {
            if (detail != null)
            {
                log.Verbose(Strings.Format("CertificateParseDetail", path, detail));
            }

            report.Status = PlatformIdentifierStatus.InvalidEKCert;
            report.Message = Strings.Format("EKCertUnreadable", path, reason);
            return report;
        }

        private void Judge(PlatformIdentifierReport report, X509Certificate2 ekCertificate, string path, string name)
        {
            roots = roots ?? stores.Read(TrustedTpmStore.RootCA);
            intermediates = intermediates ?? stores.Read(TrustedTpmStore.IntermediateCA);
            chain = chain ?? new EkCertificateChain(roots, intermediates);
            var verdict = chain.Evaluate(ekCertificate);
            report.Chain = verdict.Elements.Select(Display).ToArray();
            report.ChainProblems = verdict.ProblemCodes.ToArray();
            report.RegisterCommand = new[] { RegisterCommand(path, name, string.Empty) };
            report.Status = verdict.Trusted ? PlatformIdentifierStatus.Trusted : PlatformIdentifierStatus.Untrusted;
            var subject = ekCertificate.Subject.Length > 0 ? ekCertificate.Subject : Strings.Format("EmptySubject");
            var last = verdict.Last;
            var stoppedAt = last.Subject.Length > 0 ? last.Subject : subject;

            switch (verdict.End)
            {
                case EkChainEnd.TrustedRoot:
                    report.TrustedRoot = last.Subject;
                    report.Message = verdict.Trusted
                        ? Strings.Format("EKCertTrusted", path, subject, ekCertificate.Thumbprint, last.Subject, roots.DisplayName)
                        : Strings.Format("EKCertChainInvalid", path, subject, ekCertificate.Thumbprint, last.Subject, string.Join("; ", verdict.Problems.Select(Describe)));
                    break;
                case EkChainEnd.ForeignRoot:
                    report.MissingIssuer = last.Subject;
                    report.Message = Strings.Format("EKCertRootNotInStore", path, subject, ekCertificate.Thumbprint, last.Subject, last.Thumbprint, roots.DisplayName, intermediates.DisplayName);
                    break;
                case EkChainEnd.IssuerKeyMismatch:
                    report.MissingIssuer = last.Issuer;
                    report.Message = Strings.Format("EKCertIssuerKeyMismatch", path, subject, ekCertificate.Thumbprint, stoppedAt, last.Issuer, verdict.RejectedIssuer!.Thumbprint, roots.DisplayName, intermediates.DisplayName);
                    break;
                case EkChainEnd.Loop:
                    report.Message = Strings.Format("EKCertChainLoop", path, subject, ekCertificate.Thumbprint, string.Join(" -> ", verdict.Elements.Skip(1).Select(Display)), last.Issuer, roots.DisplayName, intermediates.DisplayName);
                    break;
                case EkChainEnd.TooLong:
                    report.Message = Strings.Format("EKCertChainTooLong", path, subject, ekCertificate.Thumbprint, EkCertificateChain.MaxLength, roots.DisplayName, intermediates.DisplayName);
                    break;
                case EkChainEnd.AlgorithmNotSupported:
                    report.Message = Strings.Format("EKCertAlgorithmNotSupported", path, subject, ekCertificate.Thumbprint, stoppedAt, AlgorithmName(last), verdict.RejectedIssuer!.Subject);
                    break;
                default:
                    report.MissingIssuer = last.Issuer;
                    report.Message = Strings.Format("EKCertIssuerMissing", path, subject, ekCertificate.Thumbprint, stoppedAt, last.Issuer, roots.DisplayName, intermediates.DisplayName);
                    break;
            }
        }

        private static string Display(X509Certificate2 certificate) => certificate.Subject.Length > 0 ? certificate.Subject : certificate.Thumbprint;

        private static string AlgorithmName(X509Certificate2 certificate) =>
            string.IsNullOrEmpty(certificate.SignatureAlgorithm.FriendlyName)
                ? certificate.SignatureAlgorithm.Value!
                : certificate.SignatureAlgorithm.FriendlyName + " (" + certificate.SignatureAlgorithm.Value + ")";

        private static string Describe(EkChainProblem problem)
        {
            var subject = Display(problem.Certificate);
            return problem.Code == EkChainProblem.NotTimeValid
                ? Strings.Format("ChainMemberNotTimeValid", subject, Day(problem.Certificate.NotBefore), Day(problem.Certificate.NotAfter))
                : Strings.Format("ChainMemberNotCA", subject, Display(problem.Issued!));
        }

        private static string Day(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
