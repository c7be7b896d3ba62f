using System;
using System.ComponentModel;
using HgsDsc.Common;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>
    /// The NTSTATUS values the LSA user-rights functions return, and the message an
    /// administrator reads for each. The few statuses with a known remedy get their own
    /// sentence; any other is reported with its number and the Win32 error it maps to.
    /// </summary>
    internal static class LsaStatus
    {
        internal const uint Success = 0x00000000;

        /// <summary>From LsaEnumerateAccountsWithUserRight: nobody holds the right. Not an error.</summary>
        internal const uint NoMoreEntries = 0x8000001A;

        internal const uint AccessDenied = 0xC0000022;

        /// <summary>From LsaRemoveAccountRights: the account has no LSA account object, so it holds no right to remove.</summary>
        internal const uint ObjectNameNotFound = 0xC0000034;

        internal const uint NoSuchPrivilege = 0xC0000060;

        /// <summary>NT_SUCCESS: the severity bits say success or information (the top bit is clear).</summary>
        public static bool IsSuccess(uint status) => (status & 0x80000000) == 0;

        /// <summary>
        /// The error for a failed LSA call. <paramref name="toWin32Error"/> is LsaNtStatusToWinError
        /// on Windows; it is a parameter so that the mapping is tested anywhere.
        /// </summary>
        public static NodeOperationException ToException(uint status, string operation, string right, Func<uint, uint> toWin32Error)
        {
            var strings = LocalizedStrings.Load(nameof(HgsAuditPrivilege));
            string message;
            switch (status)
            {
                case AccessDenied:
                    message = strings.Format("LsaAccessDenied", operation);
                    break;
                case NoSuchPrivilege:
                    message = strings.Format("LsaNoSuchPrivilege", operation, right);
                    break;
                default:
                    var win32 = toWin32Error(status);
                    message = strings.Format("LsaCallFailed", operation, status, win32, new Win32Exception(unchecked((int)win32)).Message);
                    break;
            }

            return new NodeOperationException("LsaCallFailed", message, operation);
        }
    }
}
