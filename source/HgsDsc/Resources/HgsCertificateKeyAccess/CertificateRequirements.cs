using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The certificate request requirements of the guide, checked on the certificate alone (no
    /// store, no provider), so that they can be tested with certificates made in the tests.
    /// </summary>
    public static class CertificateRequirements
    {
        public const int MinimumRsaKeySize = 2048;

        internal const string RsaAlgorithmOid = "1.2.840.113549.1.1.1";

        private const string KeyUsageOid = "2.5.29.15";

        /// <summary>
        /// Every requirement the certificate does not meet for the given uses. Whether its private
        /// key can be reached through the provider is not decided here.
        /// </summary>
        public static IReadOnlyList<UnmetRequirement> Check(X509Certificate2 certificate, IEnumerable<CertificateType> uses, DateTime utcNow)
        {
            var unmet = new List<UnmetRequirement>();
            if (!certificate.HasPrivateKey)
            {
                unmet.Add(new UnmetRequirement(CertificateRequirement.PrivateKeyPresent, null));
            }

            var algorithm = certificate.PublicKey.Oid;
            if (algorithm?.Value != RsaAlgorithmOid)
            {
                unmet.Add(new UnmetRequirement(CertificateRequirement.RsaKey, AlgorithmName(algorithm)));
            }
            else
            {
                using (var rsa = certificate.GetRSAPublicKey())
                {
                    var size = rsa?.KeySize ?? 0;
                    if (size < MinimumRsaKeySize)
                    {
                        unmet.Add(new UnmetRequirement(CertificateRequirement.KeySize, size));
                    }
                }
            }

            var usage = KeyUsage(certificate);
            var distinctUses = new HashSet<CertificateType>(uses);
            if (distinctUses.Contains(CertificateType.Signing) && usage.HasValue
                && (usage.Value & X509KeyUsageFlags.DigitalSignature) == 0)
            {
                unmet.Add(new UnmetRequirement(CertificateRequirement.SigningKeyUsage, usage.Value));
            }

            const X509KeyUsageFlags Encipherment = X509KeyUsageFlags.DataEncipherment | X509KeyUsageFlags.KeyEncipherment;
            if (distinctUses.Contains(CertificateType.Encryption) && usage.HasValue && (usage.Value & Encipherment) == 0)
            {
                unmet.Add(new UnmetRequirement(CertificateRequirement.EncryptionKeyUsage, usage.Value));
            }

            if (distinctUses.Contains(CertificateType.Communications) && usage.HasValue && (usage.Value & Encipherment) == 0)
            {
                unmet.Add(new UnmetRequirement(CertificateRequirement.CommunicationsKeyUsage, usage.Value));
            }

            var notBefore = certificate.NotBefore.ToUniversalTime();
            var notAfter = certificate.NotAfter.ToUniversalTime();
            if (utcNow < notBefore)
            {
                unmet.Add(new UnmetRequirement(CertificateRequirement.NotYetValid, notBefore));
            }

            if (utcNow > notAfter)
            {
                unmet.Add(new UnmetRequirement(CertificateRequirement.Expired, notAfter));
            }

            return unmet;
        }

        /// <summary>
        /// The key usage the certificate allows, or null when it has no key usage extension, which
        /// (RFC 5280) leaves every usage open.
        /// </summary>
        public static X509KeyUsageFlags? KeyUsage(X509Certificate2 certificate)
        {
            var extension = certificate.Extensions.Cast<X509Extension>().FirstOrDefault(e => e.Oid?.Value == KeyUsageOid);
            if (extension == null)
            {
                return null;
            }

            var keyUsage = extension as X509KeyUsageExtension ?? new X509KeyUsageExtension(extension, extension.Critical);
            return keyUsage.KeyUsages;
        }

        /// <summary>The algorithm's name and OID, or null when the certificate names none (the message then says so).</summary>
        private static string? AlgorithmName(System.Security.Cryptography.Oid? algorithm)
        {
            if (algorithm == null)
            {
                return null;
            }

            return string.IsNullOrEmpty(algorithm.FriendlyName) ? algorithm.Value : algorithm.FriendlyName + " (" + algorithm.Value + ")";
        }
    }
}
