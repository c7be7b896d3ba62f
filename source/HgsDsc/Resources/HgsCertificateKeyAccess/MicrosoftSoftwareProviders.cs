using System;
using System.Collections.Generic;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The key providers Windows itself ships that keep a security descriptor on every key: the
    /// software and TPM key storage providers and the software CryptoAPI providers. An error of
    /// theirs is never "this provider cannot grant access to one account", which only some HSMs
    /// and third-party providers mean. Smart card providers are not among them.
    /// </summary>
    public static class MicrosoftSoftwareProviders
    {
        private static readonly HashSet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Microsoft Software Key Storage Provider",
            "Microsoft Platform Crypto Provider",
            "Microsoft Base Cryptographic Provider v1.0",
            "Microsoft Enhanced Cryptographic Provider v1.0",
            "Microsoft Strong Cryptographic Provider",
            "Microsoft Enhanced RSA and AES Cryptographic Provider",
            "Microsoft Enhanced RSA and AES Cryptographic Provider (Prototype)",
            "Microsoft RSA SChannel Cryptographic Provider",
            "Microsoft Base DSS Cryptographic Provider",
            "Microsoft Base DSS and Diffie-Hellman Cryptographic Provider",
            "Microsoft Enhanced DSS and Diffie-Hellman Cryptographic Provider",
            "Microsoft DH SChannel Cryptographic Provider",
        };

        /// <summary>Whether the provider, by its exact name, is one of these.</summary>
        public static bool Contains(string? providerName) => providerName != null && Names.Contains(providerName.Trim());
    }
}
