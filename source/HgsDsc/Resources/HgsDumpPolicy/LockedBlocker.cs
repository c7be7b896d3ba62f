namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>A Locked policy the desired state would need to disable or remove.</summary>
    public sealed class LockedBlocker
    {
        public LockedBlocker(AttestationPolicy policy, string property, DumpPolicyAction action)
        {
            Policy = policy;
            Property = property;
            Action = action;
        }

        public AttestationPolicy Policy { get; }

        /// <summary>The resource property that asks for the change.</summary>
        public string Property { get; }

        public DumpPolicyAction Action { get; }
    }
}
