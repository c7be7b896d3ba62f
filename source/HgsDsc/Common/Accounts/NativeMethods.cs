using System.Runtime.InteropServices;
using System.Text;

namespace HgsDsc.Common.Accounts
{
    /// <summary>The advapi32 account lookups (winbase.h). Declarations only; callers check the platform first.</summary>
    internal static class NativeMethods
    {
        internal const int ErrorInsufficientBuffer = 122;
        internal const int ErrorNoneMapped = 1332;

        /// <summary>SECURITY_MAX_SID_SIZE: no SID is longer, so one buffer of this size always fits.</summary>
        internal const int MaxSidSize = 68;

        [DllImport("advapi32.dll", EntryPoint = "LookupAccountNameW", CharSet = CharSet.Unicode, SetLastError = true, ExactSpelling = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static extern bool LookupAccountName(
            string? systemName,
            string accountName,
            [Out] byte[]? sid,
            ref uint sidSize,
            StringBuilder? referencedDomainName,
            ref uint referencedDomainNameLength,
            out int use);

        [DllImport("advapi32.dll", EntryPoint = "LookupAccountSidW", CharSet = CharSet.Unicode, SetLastError = true, ExactSpelling = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static extern bool LookupAccountSid(
            string? systemName,
            byte[] sid,
            StringBuilder? name,
            ref uint nameLength,
            StringBuilder? referencedDomainName,
            ref uint referencedDomainNameLength,
            out int use);
    }
}
