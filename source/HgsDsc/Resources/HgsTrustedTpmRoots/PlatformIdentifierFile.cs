using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Xml;
using HgsDsc.Common;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// The TPM data of a platform identifier file, the XML that <c>Get-PlatformIdentifier</c>
    /// writes on a host. What this relies on (see README.md): the root element
    /// <c>PlatformIdentifiers</c> (namespace <c>http://microsoft.com/windows/ptp/platformidentifier/2016/04</c>),
    /// the host name given to <c>-Name</c> in <c>ForeignKey</c>, and the endorsement key data as
    /// base64 text. The names of the EK elements are not documented, so they are found by
    /// content: an element named like an EK certificate (EKCert, EKCertificate,
    /// EndorsementKeyCertificate), or failing that any element whose name contains "Cert" and
    /// whose text is a base64 X.509 certificate. An element named like an EK public key (EKPub)
    /// is reported but decides nothing.
    /// </summary>
    public sealed class PlatformIdentifierFile
    {
        public const string DocumentedNamespace = "http://microsoft.com/windows/ptp/platformidentifier/2016/04";

        public const string RootElement = "PlatformIdentifiers";

        private static readonly string[] EkCertificateNames = { "EKCert", "EKCertificate", "EndorsementKeyCertificate", "EKCertBlob" };
        private static readonly string[] EkPublicNames = { "EKPub", "EKPublic", "EKPublicKey", "EndorsementKeyPublic", "EndorsementKey" };

        private PlatformIdentifierFile(string path, string? hostName, bool hasEkPublic, string? ekCertificateText)
        {
            Path = path;
            HostName = hostName;
            HasEkPublic = hasEkPublic;
            EkCertificateText = ekCertificateText;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsTrustedTpmRoots));

        public string Path { get; }

        /// <summary>The name given to Get-PlatformIdentifier -Name (ForeignKey), if any.</summary>
        public string? HostName { get; }

        public bool HasEkPublic { get; }

        /// <summary>The EKcert as written in the file (base64 or PEM); null when the file holds none.</summary>
        public string? EkCertificateText { get; }

        public static PlatformIdentifierFile Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new HgsDscException("PlatformIdentifierNotFound", ErrorCategory.ObjectNotFound, Strings.Format("PlatformIdentifierNotFound", path), path);
            }

            var document = new XmlDocument { XmlResolver = null };
            try
            {
                using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
                {
                    document.Load(reader);
                }
            }
            catch (Exception e) when (e is XmlException || e is IOException || e is UnauthorizedAccessException)
            {
                throw new HgsDscException("PlatformIdentifierNotXml", ErrorCategory.InvalidData, Strings.Format("PlatformIdentifierNotXml", path, e.Message), path);
            }

            var root = document.DocumentElement!;
            if (!string.Equals(root.LocalName, RootElement, StringComparison.OrdinalIgnoreCase))
            {
                throw new HgsDscException("PlatformIdentifierWrongRoot", ErrorCategory.InvalidData, Strings.Format("PlatformIdentifierWrongRoot", path, root.LocalName, RootElement), path);
            }

            var elements = root.GetElementsByTagName("*").Cast<XmlElement>().ToArray();
            var hostName = elements.FirstOrDefault(e => Named(e, "ForeignKey"))?.InnerText.Trim();
            var hasEkPublic = elements.Any(e => EkPublicNames.Any(n => Named(e, n)) && e.InnerText.Trim().Length > 0);
            var ekCertificate = elements.FirstOrDefault(e => EkCertificateNames.Any(n => Named(e, n)) && e.InnerText.Trim().Length > 0)
                ?? elements.FirstOrDefault(e => e.LocalName.IndexOf("Cert", StringComparison.OrdinalIgnoreCase) >= 0 && HoldsCertificate(e.InnerText));

            return new PlatformIdentifierFile(path, string.IsNullOrEmpty(hostName) ? null : hostName, hasEkPublic, ekCertificate?.InnerText.Trim());
        }

        /// <summary>The EKcert's DER bytes, ready for the certificate decoder.</summary>
        internal static byte[] CertificateBytes(string text) =>
            text.IndexOf("-----BEGIN", StringComparison.Ordinal) >= 0
                ? Encoding.ASCII.GetBytes(text)
                : Convert.FromBase64String(new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()));

        private static bool Named(XmlElement element, string name) => string.Equals(element.LocalName, name, StringComparison.OrdinalIgnoreCase);

        private static bool HoldsCertificate(string text)
        {
            try
            {
                var bytes = CertificateBytes(text.Trim());
                return bytes.Length > 0 && bytes[0] == DerReader.Sequence && CertificateFileDecoder.Decode(bytes).Count == 1;
            }
            catch (Exception e) when (e is FormatException || e is InvalidCertificateFileException)
            {
                return false;
            }
        }
    }
}
