using System;
using System.Collections.Generic;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The HSM notes of the guide (SafeNet, nShield, Utimaco), chosen by the provider's name:
    /// the vendor's own note when the provider is recognised, all of them otherwise.
    /// </summary>
    public static class HsmVendorNotes
    {
        internal const string SafeNet = "VendorNoteSafeNet";
        internal const string NShield = "VendorNoteNShield";
        internal const string Utimaco = "VendorNoteUtimaco";

        private static readonly IReadOnlyList<KeyValuePair<string, string[]>> Markers = new[]
        {
            new KeyValuePair<string, string[]>(SafeNet, new[] { "SafeNet", "Luna", "Gemalto" }),
            new KeyValuePair<string, string[]>(NShield, new[] { "nShield", "nCipher", "Security World" }),
            new KeyValuePair<string, string[]>(Utimaco, new[] { "Utimaco", "CryptoServer" }),
        };

        /// <summary>The message keys of the notes that apply to the provider.</summary>
        public static IReadOnlyList<string> For(string? providerName)
        {
            var name = providerName ?? string.Empty;
            foreach (var vendor in Markers)
            {
                foreach (var marker in vendor.Value)
                {
                    if (name.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return new[] { vendor.Key };
                    }
                }
            }

            return new[] { SafeNet, NShield, Utimaco };
        }
    }
}
