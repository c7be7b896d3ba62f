namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>Whether the KeyProtection account can read a private key, as its security descriptor says.</summary>
    public enum KeyAccessState
    {
        /// <summary>An allow entry for the account grants Read (or more) and no deny entry takes it away.</summary>
        Granted,

        /// <summary>No entry grants the account Read.</summary>
        NotGranted,

        /// <summary>An explicit deny entry for the account takes Read away; only an administrator may remove it.</summary>
        Denied,

        /// <summary>The key has no DACL (or a NULL DACL): every account can use it.</summary>
        Unrestricted,

        /// <summary>The provider keeps no per-account access list; access is the HSM vendor's matter.</summary>
        ProviderCannotSetAccess,

        /// <summary>The key could not be opened or its security descriptor read.</summary>
        Unknown,
    }
}
