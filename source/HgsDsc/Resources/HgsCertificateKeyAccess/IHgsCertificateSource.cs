using System.Collections.Generic;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>Which certificates HGS uses on this node, as its own cmdlets report them.</summary>
    public interface IHgsCertificateSource
    {
        /// <summary>Whether this node has the HGS cmdlets (the role may not be installed yet).</summary>
        bool IsAvailable();

        /// <summary>
        /// Every certificate of Get-HgsKeyProtectionCertificate (signing and encryption) and the
        /// communications certificate of Get-HgsKeyProtectionConfiguration, one entry per use.
        /// Throws a <see cref="HgsDsc.Common.NodePrerequisiteException"/> when HGS is not installed.
        /// </summary>
        IReadOnlyList<HgsCertificateUse> GetCertificates();
    }

    /// <summary>One use HGS makes of a certificate.</summary>
    public sealed class HgsCertificateUse
    {
        public HgsCertificateUse(string thumbprint, CertificateType type, bool enabled, CertificateOrigin origin, string? certificateData = null)
        {
            Thumbprint = thumbprint;
            Type = type;
            Enabled = enabled;
            Origin = origin;
            CertificateData = certificateData;
        }

        /// <summary>The normalized thumbprint (40 upper-case hexadecimal digits).</summary>
        public string Thumbprint { get; }

        public CertificateType Type { get; }

        /// <summary>A disabled certificate is not used by HGS.</summary>
        public bool Enabled { get; }

        /// <summary>How HGS holds the certificate, read from its CertificateData.</summary>
        public CertificateOrigin Origin { get; }

        /// <summary>What the CertificateData looked like (a type name or its text), for the verbose stream; null when HGS gave none.</summary>
        public string? CertificateData { get; }

        /// <summary>
        /// Added by thumbprint (a reference to LocalMachine\My), so every node needs the private key
        /// and the account's access. Only a certificate positively identified as added from a PFX
        /// file, which HGS keeps itself, is not.
        /// </summary>
        public bool AddedByThumbprint => Origin != CertificateOrigin.Pfx;

        public override string ToString() => Thumbprint + " (" + Type + ")";
    }
}
