using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>Whether a certificate is a root: its issuer is its subject and its own key verifies its signature.</summary>
    internal enum SelfSignedVerdict
    {
        SelfSigned,
        IssuerIsNotSubject,
        SignatureNotByOwnKey,
    }

    /// <summary>
    /// Checks that a certificate is self-signed. The signature is verified directly (RSA PKCS#1,
    /// RSA-PSS, ECDSA with SHA-1/SHA-2) because a chain build would also consult the machine's
    /// stores and is slow per file; an algorithm not handled here (SM2, for example) is left to
    /// the platform's chain engine with the certificate as its only candidate issuer.
    /// </summary>
    internal static class SelfSignature
    {
        private const string RsaPss = "1.2.840.113549.1.1.10";

        public static SelfSignedVerdict Check(X509Certificate2 certificate)
        {
            if (!NamesEqual(certificate.SubjectName, certificate.IssuerName))
            {
                return SelfSignedVerdict.IssuerIsNotSubject;
            }

            bool? verified;
            try
            {
                verified = VerifyWithOwnKey(certificate);
            }
            catch (Exception e) when (e is FormatException || e is CryptographicException || e is ArgumentException)
            {
                verified = false;
            }

            if (verified == null)
            {
                verified = VerifyWithPlatformChain(certificate);
            }

            return verified.Value ? SelfSignedVerdict.SelfSigned : SelfSignedVerdict.SignatureNotByOwnKey;
        }

        /// <summary>RFC 5280 compares names after normalisation; the encoded bytes or the decoded text agreeing is enough here.</summary>
        internal static bool NamesEqual(X500DistinguishedName left, X500DistinguishedName right) =>
            left.RawData.SequenceEqual(right.RawData)
            || string.Equals(left.Name, right.Name, StringComparison.OrdinalIgnoreCase);

        /// <summary>True or false when the algorithm is one handled here; null when it is not.</summary>
        private static bool? VerifyWithOwnKey(X509Certificate2 certificate)
        {
            var outer = new DerReader(certificate.RawData).ReadConstructed(DerReader.Sequence);
            var signedPart = outer.ReadEncoded();
            var algorithm = outer.ReadConstructed(DerReader.Sequence);
            var oid = algorithm.ReadObjectIdentifier();
            var signatureBits = outer.ReadContents(DerReader.BitString);
            if (signatureBits.Length < 2 || signatureBits[0] != 0)
            {
                return false;
            }

            var signature = new byte[signatureBits.Length - 1];
            Buffer.BlockCopy(signatureBits, 1, signature, 0, signature.Length);

            switch (oid)
            {
                case "1.2.840.113549.1.1.5":
                    return VerifyRsa(certificate, signedPart, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
                case "1.2.840.113549.1.1.11":
                    return VerifyRsa(certificate, signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                case "1.2.840.113549.1.1.12":
                    return VerifyRsa(certificate, signedPart, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1);
                case "1.2.840.113549.1.1.13":
                    return VerifyRsa(certificate, signedPart, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
                case RsaPss:
                    var hash = PssHash(algorithm);
                    return hash == null ? (bool?)null : VerifyRsa(certificate, signedPart, signature, hash.Value, RSASignaturePadding.Pss);
                case "1.2.840.10045.4.1":
                    return VerifyEcdsa(certificate, signedPart, signature, HashAlgorithmName.SHA1);
                case "1.2.840.10045.4.3.2":
                    return VerifyEcdsa(certificate, signedPart, signature, HashAlgorithmName.SHA256);
                case "1.2.840.10045.4.3.3":
                    return VerifyEcdsa(certificate, signedPart, signature, HashAlgorithmName.SHA384);
                case "1.2.840.10045.4.3.4":
                    return VerifyEcdsa(certificate, signedPart, signature, HashAlgorithmName.SHA512);
                default:
                    return null;
            }
        }

        private static bool VerifyRsa(X509Certificate2 certificate, byte[] signed, byte[] signature, HashAlgorithmName hash, RSASignaturePadding padding)
        {
            using (var key = certificate.GetRSAPublicKey())
            {
                return key != null && key.VerifyData(signed, signature, hash, padding);
            }
        }

        private static bool VerifyEcdsa(X509Certificate2 certificate, byte[] signed, byte[] derSignature, HashAlgorithmName hash)
        {
            using (var key = certificate.GetECDsaPublicKey())
            {
                if (key == null)
                {
                    return false;
                }

                // X.509 carries ECDSA signatures as DER SEQUENCE { r, s }; .NET verifies r || s of fixed width.
                var width = (key.KeySize + 7) / 8;
                var pair = new DerReader(derSignature).ReadConstructed(DerReader.Sequence);
                var fixedWidth = new byte[2 * width];
                if (!CopyInteger(pair.ReadContents(DerReader.Integer), fixedWidth, 0, width)
                    || !CopyInteger(pair.ReadContents(DerReader.Integer), fixedWidth, width, width))
                {
                    return false;
                }

                return key.VerifyData(signed, fixedWidth, hash);
            }
        }

        private static bool CopyInteger(byte[] integer, byte[] target, int offset, int width)
        {
            var start = 0;
            while (start < integer.Length - 1 && integer[start] == 0)
            {
                start++;
            }

            var length = integer.Length - start;
            if (length > width)
            {
                return false;
            }

            Buffer.BlockCopy(integer, start, target, offset + width - length, length);
            return true;
        }

        /// <summary>
        /// The hash of RSASSA-PSS parameters (RFC 4055), when .NET can verify them: MGF1 with the
        /// same hash and a salt as long as the hash. Otherwise null, and the platform decides.
        /// </summary>
        private static HashAlgorithmName? PssHash(DerReader algorithm)
        {
            if (!algorithm.HasMore || algorithm.PeekTag() != DerReader.Sequence)
            {
                return null;
            }

            var parameters = algorithm.ReadConstructed(DerReader.Sequence);
            string hashOid = "1.3.14.3.2.26";
            var mgfHashOid = hashOid;
            var saltLength = 20;
            while (parameters.HasMore)
            {
                var tag = parameters.PeekTag();
                var field = parameters.ReadConstructed(tag);
                switch (tag)
                {
                    case 0xA0:
                        hashOid = field.ReadConstructed(DerReader.Sequence).ReadObjectIdentifier();
                        break;
                    case 0xA1:
                        var mgf = field.ReadConstructed(DerReader.Sequence);
                        if (mgf.ReadObjectIdentifier() != "1.2.840.113549.1.1.8")
                        {
                            return null;
                        }

                        mgfHashOid = mgf.ReadConstructed(DerReader.Sequence).ReadObjectIdentifier();
                        break;
                    case 0xA2:
                        var salt = field.ReadContents(DerReader.Integer);
                        saltLength = salt.Length > 2 ? -1 : salt.Aggregate(0, (value, b) => (value << 8) | b);
                        break;
                }
            }

            HashAlgorithmName hash;
            int hashLength;
            switch (hashOid)
            {
                case "1.3.14.3.2.26":
                    hash = HashAlgorithmName.SHA1;
                    hashLength = 20;
                    break;
                case "2.16.840.1.101.3.4.2.1":
                    hash = HashAlgorithmName.SHA256;
                    hashLength = 32;
                    break;
                case "2.16.840.1.101.3.4.2.2":
                    hash = HashAlgorithmName.SHA384;
                    hashLength = 48;
                    break;
                case "2.16.840.1.101.3.4.2.3":
                    hash = HashAlgorithmName.SHA512;
                    hashLength = 64;
                    break;
                default:
                    return null;
            }

            return mgfHashOid == hashOid && saltLength == hashLength ? hash : (HashAlgorithmName?)null;
        }

        private static bool VerifyWithPlatformChain(X509Certificate2 certificate)
        {
            using (var chain = new X509Chain())
            {
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority
                    | X509VerificationFlags.IgnoreNotTimeValid;
                chain.ChainPolicy.ExtraStore.Add(certificate);
                chain.Build(certificate);
                return chain.ChainElements.Count == 1
                    && chain.ChainElements[0].ChainElementStatus.All(s => s.Status != X509ChainStatusFlags.NotSignatureValid);
            }
        }
    }
}
