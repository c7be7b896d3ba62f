namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>Whether the account must hold the right.</summary>
    public enum Ensure
    {
        /// <summary>The account holds the right, and so do its default holders.</summary>
        Present,

        /// <summary>The account does not hold the right; nobody else is affected.</summary>
        Absent,
    }
}
