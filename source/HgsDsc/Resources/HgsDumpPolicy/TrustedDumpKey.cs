namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>A dump encryption key the configuration wants HGS to trust, and where the configuration gave it.</summary>
    public sealed class TrustedDumpKey
    {
        public TrustedDumpKey(string hash, string property, string? file = null)
        {
            Hash = hash;
            Property = property;
            File = file;
        }

        /// <summary>SHA-256 of the key's BCRYPT_RSAKEY_BLOB, upper-case hex.</summary>
        public string Hash { get; }

        /// <summary>TrustedKeyHash or TrustedKeyFile.</summary>
        public string Property { get; }

        /// <summary>The file the hash was computed from, for TrustedKeyFile.</summary>
        public string? File { get; }
    }
}
