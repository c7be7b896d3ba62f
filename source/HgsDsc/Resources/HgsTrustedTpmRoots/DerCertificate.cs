using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// A certificate checked for its X.509 structure and known by its DER bytes: thumbprint
    /// (SHA-1 of the DER, as Windows computes it) and encoded subject and issuer names. Comparing
    /// a package of thousands of certificates with the stores needs no more, and building an
    /// X509Certificate2 for each file would cost most of a Test; one is built only where a
    /// certificate is checked as a root or written to a store.
    /// </summary>
    internal sealed class DerCertificate
    {
        private DerCertificate(byte[] der, byte[] issuer, byte[] subject)
        {
            Der = der;
            Issuer = issuer;
            Subject = subject;
            using (var sha1 = SHA1.Create())
            {
                Thumbprint = BitConverter.ToString(sha1.ComputeHash(der)).Replace("-", string.Empty);
            }
        }

        public byte[] Der { get; }

        /// <summary>The encoded issuer name.</summary>
        public byte[] Issuer { get; }

        /// <summary>The encoded subject name.</summary>
        public byte[] Subject { get; }

        /// <summary>Upper-case hex, like X509Certificate2.Thumbprint.</summary>
        public string Thumbprint { get; }

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsTrustedTpmRoots));

        /// <summary>A key for an encoded distinguished name; equal names of identical certificates give equal keys.</summary>
        public static string NameKey(byte[] encodedName) => Convert.ToBase64String(encodedName);

        /// <summary>
        /// Checks the RFC 5280 outline (Certificate, TBSCertificate with its mandatory fields,
        /// signature algorithm and value, nothing after them) and keeps the names.
        /// </summary>
        public static DerCertificate Parse(byte[] der)
        {
            try
            {
                var outer = new DerReader(der);
                var certificate = outer.ReadConstructed(DerReader.Sequence);
                if (outer.HasMore)
                {
                    throw new DerFormatException(DerProblem.UnexpectedStructure, "data after the certificate");
                }

                var tbs = certificate.ReadConstructed(DerReader.Sequence);
                if (tbs.PeekTag() == 0xA0)
                {
                    tbs.Skip();
                }

                tbs.ReadContents(DerReader.Integer);
                tbs.ReadConstructed(DerReader.Sequence);
                var issuer = tbs.ReadEncoded();
                tbs.ReadConstructed(DerReader.Sequence);
                var subject = tbs.ReadEncoded();
                var publicKey = tbs.ReadConstructed(DerReader.Sequence);
                publicKey.ReadConstructed(DerReader.Sequence);
                publicKey.ReadContents(DerReader.BitString);
                certificate.ReadConstructed(DerReader.Sequence);
                certificate.ReadContents(DerReader.BitString);
                if (certificate.HasMore || issuer[0] != DerReader.Sequence || subject[0] != DerReader.Sequence)
                {
                    throw new DerFormatException(DerProblem.UnexpectedStructure, "fields after the signature, or names that are not SEQUENCEs");
                }

                return new DerCertificate(der, issuer, subject);
            }
            catch (DerFormatException e)
            {
                throw new InvalidCertificateFileException(Strings.Format(ReasonFor(e.Problem)), e.Message);
            }
        }

        private static string ReasonFor(DerProblem problem)
        {
            switch (problem)
            {
                case DerProblem.Truncated:
                    return "CertificateTruncated";
                case DerProblem.UnsupportedEncoding:
                    return "CertificateEncodingUnsupported";
                default:
                    return "NotACertificate";
            }
        }

        /// <summary>The platform's certificate object, for signature checks, chain building and stores.</summary>
        public X509Certificate2 Load()
        {
            X509Certificate2 certificate;
            try
            {
                certificate = new X509Certificate2(Der);
            }
            catch (CryptographicException e)
            {
                throw new InvalidCertificateFileException(Strings.Format("CertificateRefusedBySystem"), e.Message);
            }

            if (certificate.RawData.Length != Der.Length)
            {
                certificate.Dispose();
                throw new InvalidCertificateFileException(Strings.Format("NotDerOrPem"));
            }

            return certificate;
        }
    }
}
