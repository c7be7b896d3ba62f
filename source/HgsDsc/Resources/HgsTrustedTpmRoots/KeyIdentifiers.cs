using System;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// The key identifiers of RFC 5280 (subject key identifier, and the key identifier of the
    /// authority key identifier), read from the raw extensions because netstandard2.0 has no
    /// type for the authority key identifier. They narrow the issuer candidates of a chain walk;
    /// the signature still decides.
    /// </summary>
    internal static class KeyIdentifiers
    {
        private const string SubjectKeyIdentifierOid = "2.5.29.14";
        private const string AuthorityKeyIdentifierOid = "2.5.29.35";
        private const byte KeyIdentifierTag = 0x80;

        /// <summary>The subject key identifier, or null when the certificate has none (or it cannot be read).</summary>
        public static byte[]? OfSubject(X509Certificate2 certificate)
        {
            var extension = certificate.Extensions[SubjectKeyIdentifierOid];
            if (extension == null)
            {
                return null;
            }

            try
            {
                return new DerReader(extension.RawData).ReadContents(DerReader.OctetString);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>The key identifier the certificate gives for its issuer, or null when it gives none.</summary>
        public static byte[]? OfAuthority(X509Certificate2 certificate)
        {
            var extension = certificate.Extensions[AuthorityKeyIdentifierOid];
            if (extension == null)
            {
                return null;
            }

            try
            {
                var fields = new DerReader(extension.RawData).ReadConstructed(DerReader.Sequence);
                return fields.HasMore && fields.PeekTag() == KeyIdentifierTag ? fields.ReadContents(KeyIdentifierTag) : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
