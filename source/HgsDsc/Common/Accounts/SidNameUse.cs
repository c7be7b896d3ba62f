namespace HgsDsc.Common.Accounts
{
    /// <summary>
    /// SID_NAME_USE (winnt.h): what LookupAccountNameW says a name stands for. The values are
    /// Windows' own; a name can stand for a domain as well as for an account.
    /// </summary>
    internal enum SidNameUse
    {
        User = 1,
        Group = 2,
        Domain = 3,
        Alias = 4,
        WellKnownGroup = 5,
        DeletedAccount = 6,
        Invalid = 7,
        Unknown = 8,
        Computer = 9,
        Label = 10,
        LogonSession = 11,
    }
}
