namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>What HGS demands of the Hyper-V hosts' memory dumps.</summary>
    public enum DumpPolicy
    {
        /// <summary>The resource leaves Hgs_NoDumps, Hgs_DumpEncryption and Hgs_DumpEncryptionKey as they are (same as not setting Policy).</summary>
        Unmanaged,

        /// <summary>Hosts must have memory dumps disabled: Hgs_NoDumps is enabled.</summary>
        NoDumps,

        /// <summary>
        /// Hosts may write memory dumps only when they encrypt them with a key HGS trusts:
        /// Hgs_DumpEncryption and Hgs_DumpEncryptionKey are enabled, Hgs_NoDumps is disabled.
        /// </summary>
        EncryptedDumps,
    }
}
