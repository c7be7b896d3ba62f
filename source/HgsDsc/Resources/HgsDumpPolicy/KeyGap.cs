namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>A listed key HGS does not trust (in one policy version): its policy is disabled, or there is none.</summary>
    public sealed class KeyGap
    {
        public KeyGap(TrustedDumpKey key, string? policyVersion, AttestationPolicy? disabledPolicy)
        {
            Key = key;
            PolicyVersion = policyVersion;
            DisabledPolicy = disabledPolicy;
        }

        public TrustedDumpKey Key { get; }

        public string? PolicyVersion { get; }

        public AttestationPolicy? DisabledPolicy { get; }
    }
}
