namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// The two certificate stores HGS reads when it checks an EKcert, and the package folders that
    /// feed them: a vendor's RootCA folder goes to TrustedTPM_RootCA, its IntermediateCA folder
    /// to TrustedTPM_IntermediateCA.
    /// </summary>
    public enum TrustedTpmStore
    {
        RootCA,
        IntermediateCA,
    }

    public static class TrustedTpmStoreNames
    {
        public const string RootCA = "TrustedTPM_RootCA";

        public const string IntermediateCA = "TrustedTPM_IntermediateCA";

        public static readonly TrustedTpmStore[] All = { TrustedTpmStore.RootCA, TrustedTpmStore.IntermediateCA };

        /// <summary>The Windows store name HGS uses.</summary>
        public static string Of(TrustedTpmStore store) => store == TrustedTpmStore.RootCA ? RootCA : IntermediateCA;

        /// <summary>The name of the folder inside each vendor folder of the package.</summary>
        public static string PackageFolder(TrustedTpmStore store) => store.ToString();
    }
}
