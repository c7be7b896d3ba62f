using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// What one store held when it was read: its certificates by thumbprint (upper case), so that
    /// comparing thousands of package certificates costs one lookup each.
    /// </summary>
    public sealed class TpmStoreIndex
    {
        private readonly Dictionary<string, X509Certificate2> byThumbprint;

        public TpmStoreIndex(TrustedTpmStore store, string displayName, bool exists, IEnumerable<X509Certificate2> certificates)
        {
            Store = store;
            DisplayName = displayName;
            Exists = exists;
            byThumbprint = new Dictionary<string, X509Certificate2>(StringComparer.OrdinalIgnoreCase);
            foreach (var certificate in certificates)
            {
                byThumbprint[certificate.Thumbprint] = certificate;
            }
        }

        public TrustedTpmStore Store { get; }

        public string DisplayName { get; }

        /// <summary>False when the store has never been created on this machine.</summary>
        public bool Exists { get; }

        public int Count => byThumbprint.Count;

        public IEnumerable<X509Certificate2> Certificates => byThumbprint.Values;

        public bool Contains(string thumbprint) => byThumbprint.ContainsKey(thumbprint);

        public static TpmStoreIndex Missing(TrustedTpmStore store, string displayName) =>
            new TpmStoreIndex(store, displayName, false, Enumerable.Empty<X509Certificate2>());
    }
}
