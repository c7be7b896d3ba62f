using System;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>
    /// The names HgsDsc gives the dump key policies it creates: <c>HgsDsc_DumpKey_</c> followed by
    /// the whole key hash. The name alone identifies the key, so a policy HgsDsc created is
    /// recognised even where Get-HgsAttestationPolicy does not show the hash; a trusted key
    /// added under any other name is recognised by its hash.
    /// </summary>
    public static class DumpKeyPolicyName
    {
        public const string Prefix = "HgsDsc_DumpKey_";

        public static string For(string hash) => Prefix + hash;

        /// <summary>The hash a name of this scheme carries, or null for any other name.</summary>
        public static string? HashOf(string name)
        {
            if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return DumpKeyHash.TryNormalize(name.Substring(Prefix.Length), out var hash) ? hash : null;
        }
    }
}
