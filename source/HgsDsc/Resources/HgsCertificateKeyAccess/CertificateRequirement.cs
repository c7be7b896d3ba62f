namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>What the guide requires of a certificate HGS signs or encrypts with.</summary>
    public enum CertificateRequirement
    {
        /// <summary>This node holds the private key of the certificate.</summary>
        PrivateKeyPresent,

        /// <summary>The private key can be opened through its provider without user interaction.</summary>
        PrivateKeyReachable,

        /// <summary>The key algorithm is RSA.</summary>
        RsaKey,

        /// <summary>The RSA key has at least 2048 bits.</summary>
        KeySize,

        /// <summary>A signing certificate allows DigitalSignature.</summary>
        SigningKeyUsage,

        /// <summary>An encryption certificate allows DataEncipherment or KeyEncipherment.</summary>
        EncryptionKeyUsage,

        /// <summary>
        /// The communications certificate allows DataEncipherment or KeyEncipherment, as
        /// Microsoft's own HGS certificate check requires of it, like of the encryption certificate.
        /// </summary>
        CommunicationsKeyUsage,

        /// <summary>The certificate's validity has begun.</summary>
        NotYetValid,

        /// <summary>The certificate has not expired.</summary>
        Expired,

        /// <summary>
        /// The private key is held by a Key Storage Provider (CNG), not a legacy CryptoAPI CSP
        /// (unless RequireKeyStorageProvider is false). Known only once the key is opened.
        /// </summary>
        KeyStorageProvider,
    }

    /// <summary>One requirement a certificate does not meet, with what was found (the algorithm, the size, the date, ...).</summary>
    public sealed class UnmetRequirement
    {
        public UnmetRequirement(CertificateRequirement requirement, object? found)
        {
            Requirement = requirement;
            Found = found;
        }

        public CertificateRequirement Requirement { get; }

        public object? Found { get; }

        public override string ToString() => Requirement + (Found == null ? string.Empty : " (" + Found + ")");
    }
}
