namespace HgsDsc.Common.Accounts
{
    /// <summary>The outcome of looking one name up: the SID, or the Win32 error that says why not.</summary>
    internal readonly struct AccountLookupResult
    {
        public AccountLookupResult(Sid? sid, int error)
        {
            Sid = sid;
            Error = error;
        }

        public Sid? Sid { get; }

        /// <summary>0 when found; otherwise the Win32 error, ERROR_NONE_MAPPED (1332) for "no such account".</summary>
        public int Error { get; }

        public static AccountLookupResult Found(Sid sid) => new AccountLookupResult(sid, 0);

        public static AccountLookupResult Failed(int error) => new AccountLookupResult(null, error);
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
