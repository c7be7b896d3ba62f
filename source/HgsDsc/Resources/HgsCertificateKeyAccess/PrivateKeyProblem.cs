namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>Why a private key or its security could not be reached.</summary>
    public enum PrivateKeyProblem
    {
        /// <summary>The certificate has no private key on this node.</summary>
        NoPrivateKey,

        /// <summary>The key, its container or its provider (an HSM that cannot be reached) is not there.</summary>
        KeyUnreachable,

        /// <summary>
        /// NTE_BAD_KEYSET on opening: Windows says "Keyset does not exist" both when the key is
        /// missing and when the account may not open it, so the two cannot be told apart.
        /// </summary>
        KeysetMissingOrDenied,

        /// <summary>The provider wants a PIN, a password or a smart card, which a DSC run cannot give.</summary>
        NeedsInteraction,

        /// <summary>The account running the configuration may not open the key or change its security.</summary>
        AccessDenied,

        /// <summary>The provider keeps no per-account access list for its keys (some HSMs grant the computer a key set).</summary>
        ProviderCannotSetAccess,

        /// <summary>Any other error of the provider.</summary>
        Failed,
    }
}
