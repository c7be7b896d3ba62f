using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>Where the chain of an EKcert ends, judged against the TrustedTPM stores only.</summary>
    internal sealed class EkChainVerdict
    {
        public EkChainVerdict(IReadOnlyList<X509Certificate2> elements, X509Certificate2? anchor, IReadOnlyList<string> problems)
        {
            Elements = elements;
            Anchor = anchor;
            Problems = problems;
        }

        /// <summary>The chain the platform built, from the EKcert upwards.</summary>
        public IReadOnlyList<X509Certificate2> Elements { get; }

        /// <summary>The root of TrustedTPM_RootCA the chain ends at, or null when it ends anywhere else.</summary>
        public X509Certificate2? Anchor { get; }

        /// <summary>What is wrong along a chain that does reach a trusted root (expired, bad signature, ...).</summary>
        public IReadOnlyList<string> Problems { get; }

        public X509Certificate2 Last => Elements[Elements.Count - 1];

        public bool Trusted => Anchor != null && Problems.Count == 0;

        /// <summary>The chain ends at a self-signed certificate that is not in TrustedTPM_RootCA.</summary>
        public bool EndsAtForeignRoot => Anchor == null && SelfSignature.NamesEqual(Last.SubjectName, Last.IssuerName);
    }

    /// <summary>
    /// Builds the chain of an EKcert with the contents of TrustedTPM_IntermediateCA and
    /// TrustedTPM_RootCA as the only extra certificates, and accepts it only when it ends at a
    /// certificate of TrustedTPM_RootCA: the machine's Root store grants nothing here, as it
    /// grants nothing to HGS. Where the runtime has custom root trust (.NET 5 and later, so
    /// PowerShell 7) the roots are the only trust anchors and downloads are off; on .NET
    /// Framework the chain is built with unknown roots allowed and its end is checked by thumbprint.
    /// Revocation is not checked: the question is whether the package is installed.
    /// </summary>
    internal static class EkCertificateChain
    {
        private const int CustomRootTrust = 1;

        private static readonly PropertyInfo? TrustMode = typeof(X509ChainPolicy).GetProperty("TrustMode");
        private static readonly PropertyInfo? CustomTrustStore = typeof(X509ChainPolicy).GetProperty("CustomTrustStore");
        private static readonly PropertyInfo? DisableCertificateDownloads = typeof(X509ChainPolicy).GetProperty("DisableCertificateDownloads");

        private static readonly X509ChainStatusFlags NotAProblem =
            X509ChainStatusFlags.NoError
            | X509ChainStatusFlags.UntrustedRoot
            | X509ChainStatusFlags.PartialChain
            | X509ChainStatusFlags.RevocationStatusUnknown
            | X509ChainStatusFlags.OfflineRevocation;

        public static bool CustomTrustAvailable => TrustMode != null && CustomTrustStore != null;

        public static EkChainVerdict Evaluate(X509Certificate2 ekCertificate, TpmStoreIndex roots, TpmStoreIndex intermediates, bool useCustomTrust = true)
        {
            using (var chain = new X509Chain())
            {
                var policy = chain.ChainPolicy;
                policy.RevocationMode = X509RevocationMode.NoCheck;
                policy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                policy.ExtraStore.AddRange(intermediates.Certificates.ToArray());
                policy.ExtraStore.AddRange(roots.Certificates.ToArray());
                if (useCustomTrust && CustomTrustAvailable)
                {
                    TrustMode!.SetValue(policy, Enum.ToObject(TrustMode.PropertyType, CustomRootTrust));
                    ((X509Certificate2Collection)CustomTrustStore!.GetValue(policy)!).AddRange(roots.Certificates.ToArray());
                    DisableCertificateDownloads?.SetValue(policy, true);
                }

                chain.Build(ekCertificate);

                var elements = chain.ChainElements.Cast<X509ChainElement>().ToArray();
                var path = elements.Select(e => e.Certificate).ToArray();
                var last = path[path.Length - 1];
                var anchor = roots.Contains(last.Thumbprint) ? last : null;
                var problems = anchor == null
                    ? (IReadOnlyList<string>)new string[0]
                    : elements
                        .SelectMany(e => e.ChainElementStatus)
                        .Where(s => (s.Status & ~NotAProblem) != 0)
                        .Select(s => (s.Status & ~NotAProblem).ToString())
                        .Distinct()
                        .ToArray();
                return new EkChainVerdict(path, anchor, problems);
            }
        }
    }
}
