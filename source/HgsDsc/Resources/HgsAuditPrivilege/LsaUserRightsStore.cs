using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using static HgsDsc.Resources.HgsAuditPrivilege.NativeMethods;

namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>
    /// The real <see cref="IUserRightsStore"/>: the LSA policy API, which adds and removes one
    /// account's right at a time (unlike secedit, which replaces a right's whole list). Thin by
    /// design; the marshalling and status handling it relies on are tested on their own.
    /// </summary>
    public sealed class LsaUserRightsStore : IUserRightsStore
    {
        public IReadOnlyList<Sid> GetHolders(string right)
        {
            var operation = "LsaEnumerateAccountsWithUserRight(" + right + ")";
            Platform.AssertWindows(operation);
            using (var policy = OpenPolicy(PolicyLookupNames | PolicyViewLocalInformation, right))
            using (var name = LsaUnicodeStringBuffer.From(right))
            {
                var value = name.Value;
                var buffer = IntPtr.Zero;
                try
                {
                    var status = LsaEnumerateAccountsWithUserRight(policy, ref value, out buffer, out var count);
                    if (status == LsaStatus.NoMoreEntries)
                    {
                        return Array.Empty<Sid>();
                    }

                    if (!LsaStatus.IsSuccess(status))
                    {
                        throw LsaStatus.ToException(status, operation, right, LsaNtStatusToWinError);
                    }

                    return LsaSidReader.ReadEnumeration(buffer, checked((int)count));
                }
                finally
                {
                    if (buffer != IntPtr.Zero)
                    {
                        LsaFreeMemory(buffer);
                    }
                }
            }
        }

        public void AddRight(Sid account, string right)
        {
            var operation = "LsaAddAccountRights(" + account + ", " + right + ")";
            Platform.AssertWindows(operation);

            // POLICY_CREATE_ACCOUNT: an account that holds no right yet has no LSA account object until this call makes one.
            using (var policy = OpenPolicy(PolicyLookupNames | PolicyCreateAccount, right))
            using (var name = LsaUnicodeStringBuffer.From(right))
            {
                var status = LsaAddAccountRights(policy, account.ToBinary(), new[] { name.Value }, 1);
                if (!LsaStatus.IsSuccess(status))
                {
                    throw LsaStatus.ToException(status, operation, right, LsaNtStatusToWinError);
                }
            }
        }

        public void RemoveRight(Sid account, string right)
        {
            var operation = "LsaRemoveAccountRights(" + account + ", " + right + ")";
            Platform.AssertWindows(operation);
            using (var policy = OpenPolicy(PolicyLookupNames, right))
            using (var name = LsaUnicodeStringBuffer.From(right))
            {
                var status = LsaRemoveAccountRights(policy, account.ToBinary(), false, new[] { name.Value }, 1);

                // No LSA account object means the account holds no right at all: there is nothing to remove.
                if (status == LsaStatus.ObjectNameNotFound)
                {
                    return;
                }

                if (!LsaStatus.IsSuccess(status))
                {
                    throw LsaStatus.ToException(status, operation, right, LsaNtStatusToWinError);
                }
            }
        }

        private static LsaPolicyHandle OpenPolicy(uint access, string right)
        {
            var attributes = new LsaObjectAttributes { Length = Marshal.SizeOf(typeof(LsaObjectAttributes)) };
            var status = LsaOpenPolicy(IntPtr.Zero, ref attributes, access, out var handle);
            if (!LsaStatus.IsSuccess(status))
            {
                handle.Dispose();
                throw LsaStatus.ToException(status, "LsaOpenPolicy", right, LsaNtStatusToWinError);
            }

            return handle;
        }
    }
}
