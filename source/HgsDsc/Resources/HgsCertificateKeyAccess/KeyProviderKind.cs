namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>Which Windows key API holds a private key.</summary>
    public enum KeyProviderKind
    {
        /// <summary>A CNG Key Storage Provider (software KSP, TPM, or an HSM vendor's KSP): what the guide recommends.</summary>
        Cng,

        /// <summary>A legacy CryptoAPI Cryptographic Service Provider.</summary>
        Capi,
    }
}
