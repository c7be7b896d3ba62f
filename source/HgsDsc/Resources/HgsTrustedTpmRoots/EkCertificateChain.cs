using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// Walks from an EKcert to a root with the contents of TrustedTPM_IntermediateCA and
    /// TrustedTPM_RootCA as the only candidate issuers, and accepts the chain only when it ends at
    /// a self-signed certificate of TrustedTPM_RootCA. The platform's chain engine is not used:
    /// on Windows it also takes intermediates from the machine's CA stores and downloads missing
    /// ones from the EKcert's AIA address, so it would call an EKcert trusted that HGS refuses,
    /// and stall on an offline node. The walk is the same on .NET Framework and .NET.
    ///
    /// A candidate issuer has the certificate's issuer name as its subject (encoded bytes), and,
    /// where both carry key identifiers, the subject key identifier the certificate names as its
    /// authority key identifier; its public key must verify the certificate's signature. Several
    /// candidates are tried in turn (a renewed CA keeps its name), a certificate already on the
    /// chain is never used again, and the chain holds at most <see cref="MaxLength"/> certificates.
    /// Revocation is not checked: the question is whether the package is installed.
    /// </summary>
    internal sealed class EkCertificateChain
    {
        /// <summary>The EKcert, at most six intermediates and the root; TPM vendors' chains have three to five.</summary>
        public const int MaxLength = 8;

        private readonly HashSet<string> rootThumbprints;
        private readonly Dictionary<string, List<X509Certificate2>> bySubject = new Dictionary<string, List<X509Certificate2>>(StringComparer.Ordinal);
        private readonly Dictionary<string, SignatureCheck> signatures = new Dictionary<string, SignatureCheck>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, byte[]?> subjectKeyIdentifiers = new Dictionary<string, byte[]?>(StringComparer.OrdinalIgnoreCase);

        public EkCertificateChain(TpmStoreIndex roots, TpmStoreIndex intermediates)
        {
            rootThumbprints = new HashSet<string>(roots.Certificates.Select(c => c.Thumbprint), StringComparer.OrdinalIgnoreCase);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var certificate in roots.Certificates.Concat(intermediates.Certificates).Where(c => seen.Add(c.Thumbprint)))
            {
                var key = DerCertificate.NameKey(certificate.SubjectName.RawData);
                if (!bySubject.TryGetValue(key, out var named))
                {
                    bySubject[key] = named = new List<X509Certificate2>();
                }

                named.Add(certificate);
            }
        }

        public EkChainVerdict Evaluate(X509Certificate2 ekCertificate) => new Walk(this, DateTime.Now).From(ekCertificate);

        private static bool SelfIssued(X509Certificate2 certificate) =>
            certificate.SubjectName.RawData.SequenceEqual(certificate.IssuerName.RawData);

        private IReadOnlyList<X509Certificate2> Named(X500DistinguishedName name) =>
            bySubject.TryGetValue(DerCertificate.NameKey(name.RawData), out var named) ? named : (IReadOnlyList<X509Certificate2>)new X509Certificate2[0];

        /// <summary>Signature checks are remembered, so many EKcerts below one intermediate verify its chain once.</summary>
        private SignatureCheck Verify(X509Certificate2 signed, X509Certificate2 signer)
        {
            var key = signed.Thumbprint + "/" + signer.Thumbprint;
            if (!signatures.TryGetValue(key, out var check))
            {
                signatures[key] = check = CertificateSignature.Verify(signed, signer);
            }

            return check;
        }

        private byte[]? SubjectKeyIdentifier(X509Certificate2 certificate)
        {
            if (!subjectKeyIdentifiers.TryGetValue(certificate.Thumbprint, out var identifier))
            {
                subjectKeyIdentifiers[certificate.Thumbprint] = identifier = KeyIdentifiers.OfSubject(certificate);
            }

            return identifier;
        }

        /// <summary>One depth-first search with backtracking; the path and the set beside it hold the chain so far.</summary>
        private sealed class Walk
        {
            private readonly EkCertificateChain chain;
            private readonly DateTime now;
            private readonly List<X509Certificate2> path = new List<X509Certificate2>();
            private readonly HashSet<string> onPath = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            public Walk(EkCertificateChain chain, DateTime now)
            {
                this.chain = chain;
                this.now = now;
            }

            public EkChainVerdict From(X509Certificate2 ekCertificate)
            {
                Push(ekCertificate);
                return Extend();
            }

            /// <summary>
            /// The best outcome from the end of the path: the first problem-free chain to a trusted
            /// root; failing that, a chain to a trusted root with problems; failing that, the
            /// failure that got furthest (it names the issuer closest to the root).
            /// </summary>
            private EkChainVerdict Extend()
            {
                var current = path[path.Count - 1];
                var ownSignature = SignatureCheck.Invalid;
                if (SelfIssued(current))
                {
                    ownSignature = chain.Verify(current, current);
                    if (ownSignature == SignatureCheck.Valid)
                    {
                        return chain.rootThumbprints.Contains(current.Thumbprint) ? Anchored() : Ended(EkChainEnd.ForeignRoot, null);
                    }
                }

                if (path.Count >= MaxLength)
                {
                    return Ended(EkChainEnd.TooLong, null);
                }

                var authorityKey = KeyIdentifiers.OfAuthority(current);
                X509Certificate2? wrongKey = null;
                X509Certificate2? unverifiable = null;
                var loops = false;
                EkChainVerdict? best = null;
                foreach (var candidate in chain.Named(current.IssuerName))
                {
                    if (string.Equals(candidate.Thumbprint, current.Thumbprint, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (onPath.Contains(candidate.Thumbprint))
                    {
                        loops = true;
                        continue;
                    }

                    var subjectKey = chain.SubjectKeyIdentifier(candidate);
                    var check = authorityKey != null && subjectKey != null && !authorityKey.SequenceEqual(subjectKey)
                        ? SignatureCheck.Invalid
                        : chain.Verify(current, candidate);
                    if (check != SignatureCheck.Valid)
                    {
                        wrongKey = check == SignatureCheck.Invalid ? wrongKey ?? candidate : wrongKey;
                        unverifiable = check == SignatureCheck.AlgorithmNotSupported ? unverifiable ?? candidate : unverifiable;
                        continue;
                    }

                    Push(candidate);
                    var outcome = Extend();
                    Pop();
                    if (outcome.Trusted)
                    {
                        return outcome;
                    }

                    best = Better(best, outcome);
                }

                if (best != null)
                {
                    return best;
                }

                if (unverifiable != null || ownSignature == SignatureCheck.AlgorithmNotSupported)
                {
                    return Ended(EkChainEnd.AlgorithmNotSupported, unverifiable ?? current);
                }

                if (wrongKey != null)
                {
                    return Ended(EkChainEnd.IssuerKeyMismatch, wrongKey);
                }

                if (loops)
                {
                    return Ended(EkChainEnd.Loop, null);
                }

                // A certificate named as its own issuer whose own key did not sign it, and nothing else of that name.
                return SelfIssued(current) ? Ended(EkChainEnd.IssuerKeyMismatch, current) : Ended(EkChainEnd.IssuerMissing, null);
            }

            private static EkChainVerdict Better(EkChainVerdict? best, EkChainVerdict outcome)
            {
                if (best == null)
                {
                    return outcome;
                }

                if ((outcome.End == EkChainEnd.TrustedRoot) != (best.End == EkChainEnd.TrustedRoot))
                {
                    return outcome.End == EkChainEnd.TrustedRoot ? outcome : best;
                }

                return outcome.Elements.Count > best.Elements.Count ? outcome : best;
            }

            private EkChainVerdict Anchored()
            {
                var problems = new List<EkChainProblem>();
                for (var i = 0; i < path.Count; i++)
                {
                    var certificate = path[i];
                    if (now < certificate.NotBefore || now > certificate.NotAfter)
                    {
                        problems.Add(new EkChainProblem(EkChainProblem.NotTimeValid, certificate));
                    }

                    if (i > 0 && !MayIssue(certificate))
                    {
                        problems.Add(new EkChainProblem(EkChainProblem.InvalidBasicConstraints, certificate, path[i - 1]));
                    }
                }

                return new EkChainVerdict(path.ToArray(), EkChainEnd.TrustedRoot, problems, null);
            }

            private EkChainVerdict Ended(EkChainEnd end, X509Certificate2? rejectedIssuer) =>
                new EkChainVerdict(path.ToArray(), end, new EkChainProblem[0], rejectedIssuer);

            /// <summary>A certificate whose basic constraints say it is not a CA must not issue (v1 roots have none and may).</summary>
            private static bool MayIssue(X509Certificate2 certificate)
            {
                var extension = certificate.Extensions["2.5.29.19"];
                if (extension == null)
                {
                    return true;
                }

                var constraints = extension as X509BasicConstraintsExtension ?? new X509BasicConstraintsExtension(extension, extension.Critical);
                return constraints.CertificateAuthority;
            }

            private void Push(X509Certificate2 certificate)
            {
                path.Add(certificate);
                onPath.Add(certificate.Thumbprint);
            }

            private void Pop()
            {
                onPath.Remove(path[path.Count - 1].Thumbprint);
                path.RemoveAt(path.Count - 1);
            }
        }
    }
}
