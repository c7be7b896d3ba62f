namespace HgsDsc.Common.Accounts
{
    /// <summary>The outcome of looking one name up: the SID and what kind of name it is, or the Win32 error that says why not.</summary>
    internal readonly struct AccountLookupResult
    {
        public AccountLookupResult(Sid? sid, SidNameUse use, int error)
        {
            Sid = sid;
            Use = use;
            Error = error;
        }

        public Sid? Sid { get; }

        /// <summary>What the name stands for (SID_NAME_USE); meaningful only when found.</summary>
        public SidNameUse Use { get; }

        /// <summary>0 when found; otherwise the Win32 error, ERROR_NONE_MAPPED (1332) for "no such account".</summary>
        public int Error { get; }

        public static AccountLookupResult Found(Sid sid, SidNameUse use) => new AccountLookupResult(sid, use, 0);

        /// <summary>A user account, the kind most names stand for.</summary>
        public static AccountLookupResult Found(Sid sid) => Found(sid, SidNameUse.User);

        public static AccountLookupResult Failed(int error) => new AccountLookupResult(null, SidNameUse.Unknown, error);
    }

    /// <summary>
    /// The two questions <see cref="WindowsAccountResolver"/> asks Windows, behind a seam so that
    /// everything around them (name forms, gMSA spellings, error mapping) is tested anywhere.
    /// </summary>
    internal interface IAccountLookup
    {
        AccountLookupResult LookupName(string name);

        /// <summary><c>DOMAIN\name</c> (or just the name), or null when the SID does not resolve.</summary>
        string? LookupSid(Sid sid);

        /// <summary>The system's text for a Win32 error.</summary>
        string DescribeError(int error);
    }
}
