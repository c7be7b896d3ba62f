using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using HgsDsc.Common;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>
    /// Computes the dump key hash from a file an administrator copied from a host: the host's
    /// dump encryption certificate (.cer, DER or PEM) or its public key blob exported from
    /// <c>HKLM\SYSTEM\CurrentControlSet\Control\CrashControl\EncryptionCertificates\Certificate.1\PublicKey</c>.
    /// Anything else fails with an error that names the file.
    /// </summary>
    public static class DumpKeyFile
    {
        public const string PropertyName = "TrustedKeyFile";

        private const uint RsaPrivateMagic = 0x32415352;      // 'RSA2'
        private const uint RsaFullPrivateMagic = 0x33415352;  // 'RSA3'
        private const string PemCertificateBegin = "-----BEGIN CERTIFICATE-----";
        private const string PemCertificateEnd = "-----END CERTIFICATE-----";

        private static LocalizedStrings Strings => LocalizedStrings.Load("HgsDumpPolicy");

        public static string ComputeHash(string path)
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException)
            {
                throw Invalid(path, Strings.Format("KeyFileUnreadable", path, e.Message));
            }

            return ComputeHash(path, content);
        }

        internal static string ComputeHash(string path, byte[] content)
        {
            if (content.Length >= 4)
            {
                var magic = DumpKeyHash.ReadUInt32(content, 0);
                if (magic == DumpKeyHash.RsaPublicMagic)
                {
                    return HashOfBlob(path, content);
                }

                if (magic == RsaPrivateMagic || magic == RsaFullPrivateMagic)
                {
                    throw Invalid(path, Strings.Format("KeyFilePrivateBlob", path));
                }

                var blobAlgorithm = OtherBlobAlgorithm(content);
                if (blobAlgorithm != null)
                {
                    throw Invalid(path, Strings.Format("KeyFileNotRsa", path, blobAlgorithm));
                }
            }

            return HashOfCertificate(path, CertificateBytes(path, content));
        }

        private static string HashOfBlob(string path, byte[] blob)
        {
            if (blob.Length < DumpKeyHash.BlobHeaderLength)
            {
                throw Malformed(path, blob.Length);
            }

            long bitLength = DumpKeyHash.ReadUInt32(blob, 4);
            long exponentLength = DumpKeyHash.ReadUInt32(blob, 8);
            long modulusLength = DumpKeyHash.ReadUInt32(blob, 12);
            long prime1Length = DumpKeyHash.ReadUInt32(blob, 16);
            long prime2Length = DumpKeyHash.ReadUInt32(blob, 20);
            if (prime1Length != 0 || prime2Length != 0
                || exponentLength < 1 || exponentLength > 8
                || DumpKeyHash.BlobHeaderLength + exponentLength + modulusLength != blob.Length
                || (bitLength + 7) / 8 != modulusLength)
            {
                throw Malformed(path, blob.Length);
            }

            if (!DumpKeyHash.IsAcceptedKeySize((int)Math.Min(bitLength, int.MaxValue)))
            {
                throw WrongSize(path, bitLength);
            }

            // The host's own bytes: HGS knows the key by the hash of exactly this blob.
            return DumpKeyHash.OfBlob(blob);
        }

        private static string HashOfCertificate(string path, byte[] der)
        {
            RSAParameters key;
            try
            {
                // An empty array makes an empty certificate object instead of failing.
                if (der.Length == 0)
                {
                    throw new CryptographicException();
                }

                using (var certificate = new X509Certificate2(der))
                using (var rsa = certificate.GetRSAPublicKey())
                {
                    if (rsa == null)
                    {
                        var algorithm = certificate.PublicKey.Oid?.FriendlyName ?? certificate.PublicKey.Oid?.Value ?? "?";
                        throw Invalid(path, Strings.Format("KeyFileNotRsa", path, algorithm));
                    }

                    key = rsa.ExportParameters(false);
                }
            }
            catch (CryptographicException)
            {
                throw Invalid(path, Strings.Format("KeyFileNotRecognized", path));
            }

            var bits = DumpKeyHash.BitLength(key.Modulus);
            if (!DumpKeyHash.IsAcceptedKeySize(bits))
            {
                throw WrongSize(path, bits);
            }

            return DumpKeyHash.OfPublicKey(key.Exponent, key.Modulus);
        }

        /// <summary>The DER bytes of a certificate: the file itself, or the body of a PEM certificate.</summary>
        private static byte[] CertificateBytes(string path, byte[] content)
        {
            var text = Encoding.ASCII.GetString(content);
            var begin = text.IndexOf(PemCertificateBegin, StringComparison.Ordinal);
            if (begin < 0)
            {
                return content;
            }

            begin += PemCertificateBegin.Length;
            var end = text.IndexOf(PemCertificateEnd, begin, StringComparison.Ordinal);
            try
            {
                if (end < 0)
                {
                    throw new FormatException();
                }

                return Convert.FromBase64String(text.Substring(begin, end - begin).Trim());
            }
            catch (FormatException)
            {
                throw Invalid(path, Strings.Format("KeyFileNotRecognized", path));
            }
        }

        /// <summary>The algorithm of a CNG key blob of another kind (ECC 'EC..', DSA 'DSPB'/'DPB2'), or null.</summary>
        private static string? OtherBlobAlgorithm(byte[] content)
        {
            var tag = Encoding.ASCII.GetString(content, 0, 4);
            if (tag.StartsWith("EC", StringComparison.Ordinal))
            {
                return "ECC";
            }

            return tag == "DSPB" || tag == "DPB2" ? "DSA" : null;
        }

        private static InvalidPropertyValueException Malformed(string path, long length) =>
            Invalid(path, Strings.Format("KeyFileMalformedBlob", path, length));

        private static InvalidPropertyValueException WrongSize(string path, long bits) =>
            Invalid(path, Strings.Format("KeyFileWrongSize", path, bits, string.Join(", ", DumpKeyHash.AcceptedKeySizes)));

        private static InvalidPropertyValueException Invalid(string path, string message) =>
            new InvalidPropertyValueException(PropertyName, path, message);
    }
}
