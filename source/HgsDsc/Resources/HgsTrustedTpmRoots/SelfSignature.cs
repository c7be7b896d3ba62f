using System;
using System.Linq;
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
    /// Checks that a certificate is self-signed, verifying the signature directly
    /// (<see cref="CertificateSignature"/>) because a chain build would also consult the machine's
    /// stores and is slow per file. An algorithm not handled there (SM2, for example) is left to
    /// the platform's chain engine with the certificate as its only candidate issuer: a
    /// self-signed certificate has no issuer to look up or download.
    /// </summary>
    internal static class SelfSignature
    {
        public static SelfSignedVerdict Check(X509Certificate2 certificate)
        {
            if (!NamesEqual(certificate.SubjectName, certificate.IssuerName))
            {
                return SelfSignedVerdict.IssuerIsNotSubject;
            }

            var check = CertificateSignature.Verify(certificate, certificate);
            var verified = check == SignatureCheck.AlgorithmNotSupported
                ? VerifyWithPlatformChain(certificate)
                : check == SignatureCheck.Valid;
            return verified ? SelfSignedVerdict.SelfSigned : SelfSignedVerdict.SignatureNotByOwnKey;
        }

        /// <summary>RFC 5280 compares names after normalisation; the encoded bytes or the decoded text agreeing is enough here.</summary>
        internal static bool NamesEqual(X500DistinguishedName left, X500DistinguishedName right) =>
            left.RawData.SequenceEqual(right.RawData)
            || string.Equals(left.Name, right.Name, StringComparison.OrdinalIgnoreCase);

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
