using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>The outcome of checking one certificate's signature against one public key.</summary>
    internal enum SignatureCheck
    {
        Valid,
        Invalid,

        /// <summary>The signature algorithm (or its parameters) is not one verified here.</summary>
        AlgorithmNotSupported,
    }

    /// <summary>
    /// Verifies a certificate's signature with the public key of a certificate chosen by the
    /// caller (RSA PKCS#1 v1.5, RSA-PSS, ECDSA, with SHA-1 or SHA-2). No chain engine takes part,
    /// so nothing is looked up in the machine's stores or downloaded, and the answer is the same
    /// on .NET Framework and .NET. X509Certificate2 does not expose the signed bytes or the
    /// signature, so the certificate is taken apart with <see cref="DerReader"/>.
    /// </summary>
    internal static class CertificateSignature
    {
        private const string RsaPss = "1.2.840.113549.1.1.10";

        /// <summary>Whether <paramref name="signer"/>'s key made the signature of <paramref name="signed"/>.</summary>
        public static SignatureCheck Verify(X509Certificate2 signed, X509Certificate2 signer)
        {
            try
            {
                var verified = VerifyOrNull(signed, signer);
                return verified == null ? SignatureCheck.AlgorithmNotSupported : verified.Value ? SignatureCheck.Valid : SignatureCheck.Invalid;
            }
            catch (NotSupportedException)
            {
                // .NET Framework cannot load some public keys (curves it does not know).
                return SignatureCheck.AlgorithmNotSupported;
            }
            catch (Exception e) when (e is FormatException || e is CryptographicException || e is ArgumentException)
            {
                return SignatureCheck.Invalid;
            }
        }

        /// <summary>True or false when the algorithm is one handled here; null when it is not.</summary>
        private static bool? VerifyOrNull(X509Certificate2 signed, X509Certificate2 signer)
        {
            var outer = new DerReader(signed.RawData).ReadConstructed(DerReader.Sequence);
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
                    return VerifyRsa(signer, signedPart, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
                case "1.2.840.113549.1.1.11":
                    return VerifyRsa(signer, signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                case "1.2.840.113549.1.1.12":
                    return VerifyRsa(signer, signedPart, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1);
                case "1.2.840.113549.1.1.13":
                    return VerifyRsa(signer, signedPart, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
                case RsaPss:
                    var hash = PssHash(algorithm);
                    return hash == null ? (bool?)null : VerifyRsa(signer, signedPart, signature, hash.Value, RSASignaturePadding.Pss);
                case "1.2.840.10045.4.1":
                    return VerifyEcdsa(signer, signedPart, signature, HashAlgorithmName.SHA1);
                case "1.2.840.10045.4.3.2":
                    return VerifyEcdsa(signer, signedPart, signature, HashAlgorithmName.SHA256);
                case "1.2.840.10045.4.3.3":
                    return VerifyEcdsa(signer, signedPart, signature, HashAlgorithmName.SHA384);
                case "1.2.840.10045.4.3.4":
                    return VerifyEcdsa(signer, signedPart, signature, HashAlgorithmName.SHA512);
                default:
                    return null;
            }
        }

        private static bool VerifyRsa(X509Certificate2 signer, byte[] signed, byte[] signature, HashAlgorithmName hash, RSASignaturePadding padding)
        {
            using (var key = signer.GetRSAPublicKey())
            {
                return key != null && key.VerifyData(signed, signature, hash, padding);
            }
        }

        private static bool VerifyEcdsa(X509Certificate2 signer, byte[] signed, byte[] derSignature, HashAlgorithmName hash)
        {
            using (var key = signer.GetECDsaPublicKey())
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
        /// same hash and a salt as long as the hash. Otherwise null (not supported here).
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
    }
}
