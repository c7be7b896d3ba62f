namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>What HGS uses a certificate for; it decides which key usage the certificate needs.</summary>
    public enum CertificateType
    {
        /// <summary>Signs key protectors: needs key usage DigitalSignature.</summary>
        Signing,

        /// <summary>Encrypts key protectors: needs key usage DataEncipherment or KeyEncipherment.</summary>
        Encryption,

        /// <summary>Signs the metadata KeyProtection publishes (Get-HgsKeyProtectionConfiguration).</summary>
        Communications,
    }
}
