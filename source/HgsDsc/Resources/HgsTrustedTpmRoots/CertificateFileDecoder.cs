using System;
using System.Collections.Generic;
using System.Text;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// Reads a certificate file of the package: binary DER (exactly one certificate), or PEM text
    /// with one or more CERTIFICATE blocks (a bundle is accepted and every certificate in it
    /// counts). Anything else is an <see cref="InvalidCertificateFileException"/>, because the
    /// platform loaders would otherwise accept PKCS#7, PFX or the first block of a bundle silently.
    /// Each certificate's X.509 structure is checked (<see cref="DerCertificate.Parse"/>).
    /// </summary>
    internal static class CertificateFileDecoder
    {
        private const string BeginMarker = "-----BEGIN ";
        private const string EndMarker = "-----END ";

        private static readonly string[] CertificateLabels = { "CERTIFICATE", "X509 CERTIFICATE" };

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsTrustedTpmRoots));

        public static IReadOnlyList<DerCertificate> Decode(byte[] content)
        {
            if (content.Length == 0)
            {
                throw new InvalidCertificateFileException(Strings.Format("FileEmpty"));
            }

            return LooksLikePem(content) ? DecodePem(content) : new[] { DecodeDer(content) };
        }

        private static bool LooksLikePem(byte[] content)
        {
            if (content[0] == DerReader.Sequence)
            {
                return false;
            }

            var text = Encoding.ASCII.GetString(content, 0, Math.Min(content.Length, 64 * 1024));
            return text.IndexOf(BeginMarker, StringComparison.Ordinal) >= 0;
        }

        private static DerCertificate DecodeDer(byte[] content)
        {
            var length = content[0] == DerReader.Sequence ? DerReader.EncodedLength(content) : -1;
            if (length < 0)
            {
                throw new InvalidCertificateFileException(Strings.Format("NotDerOrPem"));
            }

            for (var i = length; i < content.Length; i++)
            {
                if (content[i] != (byte)'\r' && content[i] != (byte)'\n' && content[i] != (byte)' ')
                {
                    throw new InvalidCertificateFileException(Strings.Format("TrailingBytes", content.Length - length));
                }
            }

            var der = content;
            if (length != content.Length)
            {
                der = new byte[length];
                Buffer.BlockCopy(content, 0, der, 0, length);
            }

            return DerCertificate.Parse(der);
        }

        private static IReadOnlyList<DerCertificate> DecodePem(byte[] content)
        {
            var text = Encoding.ASCII.GetString(content);
            var certificates = new List<DerCertificate>();
            var index = 0;
            while (true)
            {
                var begin = text.IndexOf(BeginMarker, index, StringComparison.Ordinal);
                if (begin < 0)
                {
                    break;
                }

                var labelStart = begin + BeginMarker.Length;
                var labelEnd = text.IndexOf("-----", labelStart, StringComparison.Ordinal);
                if (labelEnd < 0)
                {
                    throw new InvalidCertificateFileException(Strings.Format("PemBlockBroken"));
                }

                var label = text.Substring(labelStart, labelEnd - labelStart);
                var endLine = EndMarker + label + "-----";
                var bodyStart = labelEnd + 5;
                var end = text.IndexOf(endLine, bodyStart, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new InvalidCertificateFileException(Strings.Format("PemBlockUnterminated", label));
                }

                index = end + endLine.Length;
                if (Array.IndexOf(CertificateLabels, label) < 0)
                {
                    continue;
                }

                byte[] der;
                try
                {
                    der = Convert.FromBase64String(text.Substring(bodyStart, end - bodyStart).Trim());
                }
                catch (FormatException)
                {
                    throw new InvalidCertificateFileException(Strings.Format("PemNotBase64", certificates.Count + 1));
                }

                if (der.Length == 0 || der[0] != DerReader.Sequence || DerReader.EncodedLength(der) != der.Length)
                {
                    throw new InvalidCertificateFileException(Strings.Format("PemBlockNotCertificate", certificates.Count + 1));
                }

                certificates.Add(DerCertificate.Parse(der));
            }

            if (certificates.Count == 0)
            {
                throw new InvalidCertificateFileException(Strings.Format("PemWithoutCertificate"));
            }

            return certificates;
        }
    }

    /// <summary>
    /// Why a file of the package is not a certificate, in the administrator's language (the
    /// reader adds the file's name), with the technical detail, if any, for Verbose output.
    /// </summary>
    internal sealed class InvalidCertificateFileException : Exception
    {
        public InvalidCertificateFileException(string reason, string? detail = null)
            : base(reason)
        {
            Detail = detail;
        }

        /// <summary>Technical English (the DER problem, the platform loader's message); null when the reason says it all.</summary>
        public string? Detail { get; }
    }
}
