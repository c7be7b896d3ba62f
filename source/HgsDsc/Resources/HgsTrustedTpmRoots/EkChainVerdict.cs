using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>Where the walk from an EKcert towards TrustedTPM_RootCA ended.</summary>
    internal enum EkChainEnd
    {
        /// <summary>At a self-signed certificate of TrustedTPM_RootCA.</summary>
        TrustedRoot,

        /// <summary>At a certificate whose issuer (by name) is in neither TrustedTPM store.</summary>
        IssuerMissing,

        /// <summary>At a self-signed certificate that is not in TrustedTPM_RootCA.</summary>
        ForeignRoot,

        /// <summary>The stores hold certificates with the issuer's name, but none of their keys made the signature.</summary>
        IssuerKeyMismatch,

        /// <summary>Every installed issuer of the last certificate is already on the chain.</summary>
        Loop,

        /// <summary>The chain reached <see cref="EkCertificateChain.MaxLength"/> certificates without a trusted root.</summary>
        TooLong,

        /// <summary>A signature uses an algorithm <see cref="CertificateSignature"/> does not verify.</summary>
        AlgorithmNotSupported,
    }

    /// <summary>Something wrong with one member of a chain that does reach a trusted root.</summary>
    internal sealed class EkChainProblem
    {
        public const string NotTimeValid = "NotTimeValid";
        public const string InvalidBasicConstraints = "InvalidBasicConstraints";

        public EkChainProblem(string code, X509Certificate2 certificate, X509Certificate2? issued = null)
        {
            Code = code;
            Certificate = certificate;
            Issued = issued;
        }

        /// <summary>A stable name for the problem (the names X509ChainStatusFlags uses for the same problems).</summary>
        public string Code { get; }

        public X509Certificate2 Certificate { get; }

        /// <summary>For <see cref="InvalidBasicConstraints"/>: the certificate it issued.</summary>
        public X509Certificate2? Issued { get; }
    }

    /// <summary>The outcome of <see cref="EkCertificateChain.Evaluate"/>.</summary>
    internal sealed class EkChainVerdict
    {
        public EkChainVerdict(IReadOnlyList<X509Certificate2> elements, EkChainEnd end, IReadOnlyList<EkChainProblem> problems, X509Certificate2? rejectedIssuer)
        {
            Elements = elements;
            End = end;
            Problems = problems;
            RejectedIssuer = rejectedIssuer;
        }

        /// <summary>The chain as far as it goes, from the EKcert upwards.</summary>
        public IReadOnlyList<X509Certificate2> Elements { get; }

        public EkChainEnd End { get; }

        /// <summary>What is wrong along a chain that reaches a trusted root (validity period, basic constraints).</summary>
        public IReadOnlyList<EkChainProblem> Problems { get; }

        /// <summary>
        /// For <see cref="EkChainEnd.IssuerKeyMismatch"/>: an installed certificate with the issuer's name whose key
        /// did not sign the last certificate; for <see cref="EkChainEnd.AlgorithmNotSupported"/>: the candidate issuer.
        /// </summary>
        public X509Certificate2? RejectedIssuer { get; }

        public X509Certificate2 Last => Elements[Elements.Count - 1];

        /// <summary>The root of TrustedTPM_RootCA the chain ends at, or null.</summary>
        public X509Certificate2? Anchor => End == EkChainEnd.TrustedRoot ? Last : null;

        public bool Trusted => End == EkChainEnd.TrustedRoot && Problems.Count == 0;

        /// <summary>Stable names of what is wrong, for the report's ChainProblems.</summary>
        public IEnumerable<string> ProblemCodes
        {
            get
            {
                switch (End)
                {
                    case EkChainEnd.TrustedRoot:
                        return Problems.Select(p => p.Code).Distinct(StringComparer.Ordinal);
                    case EkChainEnd.IssuerKeyMismatch:
                        return new[] { "NotSignatureValid" };
                    case EkChainEnd.Loop:
                        return new[] { "Cyclic" };
                    case EkChainEnd.TooLong:
                        return new[] { "ChainTooLong" };
                    case EkChainEnd.AlgorithmNotSupported:
                        return new[] { "UnsupportedSignatureAlgorithm" };
                    default:
                        return new string[0];
                }
            }
        }
    }
}
