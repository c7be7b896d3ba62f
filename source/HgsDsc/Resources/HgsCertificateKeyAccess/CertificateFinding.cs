using System.Collections.Generic;
using System.Linq;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>What one reading of the node found about one certificate.</summary>
    internal sealed class CertificateFinding
    {
        public CertificateFinding(string thumbprint, CertificateType? declaredType, IReadOnlyList<CertificateType> hgsUses)
        {
            Thumbprint = thumbprint;
            DeclaredType = declaredType;
            HgsUses = hgsUses;
        }

        public string Thumbprint { get; }

        /// <summary>The CertificateType the configuration gives (single thumbprint only).</summary>
        public CertificateType? DeclaredType { get; }

        /// <summary>What HGS uses the certificate for; empty when HGS does not list it.</summary>
        public IReadOnlyList<CertificateType> HgsUses { get; }

        /// <summary>The uses whose requirements apply: HGS's and the declared one.</summary>
        public IReadOnlyList<CertificateType> Uses =>
            HgsUses.Concat(DeclaredType.HasValue ? new[] { DeclaredType.Value } : new CertificateType[0]).Distinct().OrderBy(u => u).ToArray();

        /// <summary>HGS lists the certificate, but not for the type the configuration declares.</summary>
        public bool TypeMismatch => DeclaredType.HasValue && HgsUses.Count > 0 && !HgsUses.Contains(DeclaredType.Value);

        /// <summary>
        /// HGS's CertificateData for it was missing or not recognised, so it is checked as added by
        /// thumbprint although it may have come from a PFX file; a missing certificate says so.
        /// </summary>
        public bool OriginUnconfirmed { get; set; }

        public bool InStore { get; set; }

        public IReadOnlyList<UnmetRequirement> Unmet { get; set; } = new UnmetRequirement[0];

        public KeyAccessState Access { get; set; } = KeyAccessState.Unknown;

        public uint DeniedMask { get; set; }

        /// <summary>The reason phrase saying why the key's access list could not be read, when it could not.</summary>
        public string? AccessProblem { get; set; }

        public KeyProviderKind? ProviderKind { get; set; }

        public string? ProviderName { get; set; }
    }
}
