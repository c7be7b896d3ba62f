using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace HgsDsc.Common.Accounts
{
    /// <summary>
    /// <see cref="IAccountLookup"/> on Windows: LookupAccountNameW and LookupAccountSidW with the
    /// grow-and-retry buffer protocol they document. Kept thin; off Windows a name lookup
    /// fails with the one clear error and a SID simply has no name. The protocol runs over a
    /// delegate so that it is tested without Windows.
    /// </summary>
    internal sealed class NativeAccountLookup : IAccountLookup
    {
        internal const int InitialNameLength = 256;

        /// <summary>One LookupAccountNameW call for a fixed name: 0 on success, else the Win32 error.</summary>
        internal delegate int LookupNameCall(byte[] sid, ref uint sidSize, StringBuilder domain, ref uint domainLength, out int use);

        /// <summary>One LookupAccountSidW call for a fixed SID: 0 on success, else the Win32 error.</summary>
        internal delegate int LookupSidCall(StringBuilder name, ref uint nameLength, StringBuilder domain, ref uint domainLength);

        public AccountLookupResult LookupName(string name)
        {
            Platform.AssertWindows("LookupAccountNameW ('" + name + "')");
            return LookupName((byte[] sid, ref uint sidSize, StringBuilder domain, ref uint domainLength, out int use) =>
                NativeMethods.LookupAccountName(null, name, sid, ref sidSize, domain, ref domainLength, out use) ? 0 : Marshal.GetLastWin32Error());
        }

        public string? LookupSid(Sid sid)
        {
            if (!Platform.IsWindows)
            {
                return null;
            }

            var binary = sid.ToBinary();
            return LookupSid((StringBuilder name, ref uint nameLength, StringBuilder domain, ref uint domainLength) =>
                NativeMethods.LookupAccountSid(null, binary, name, ref nameLength, domain, ref domainLength, out _) ? 0 : Marshal.GetLastWin32Error());
        }

        public string DescribeError(int error) => new Win32Exception(error).Message;

        internal static AccountLookupResult LookupName(LookupNameCall call)
        {
            var sid = new byte[NativeMethods.MaxSidSize];
            var sidSize = (uint)sid.Length;
            var domainLength = (uint)InitialNameLength;
            var error = call(sid, ref sidSize, new StringBuilder((int)domainLength), ref domainLength, out var use);
            if (error == NativeMethods.ErrorInsufficientBuffer)
            {
                // Only a domain name longer than the first guess gets here (no SID exceeds the maximum). The documentation
                // reports the size needed by the buffer that was too small, and leaves the other open: never shrink either.
                sid = new byte[Math.Max(sidSize, (uint)sid.Length)];
                sidSize = (uint)sid.Length;
                domainLength = Math.Max(domainLength, InitialNameLength);
                error = call(sid, ref sidSize, new StringBuilder((int)domainLength), ref domainLength, out use);
            }

            return error == 0 ? AccountLookupResult.Found(Sid.FromBinary(sid), (SidNameUse)use) : AccountLookupResult.Failed(error);
        }

        internal static string? LookupSid(LookupSidCall call)
        {
            var nameLength = (uint)InitialNameLength;
            var domainLength = (uint)InitialNameLength;
            var name = new StringBuilder((int)nameLength);
            var domain = new StringBuilder((int)domainLength);
            var error = call(name, ref nameLength, domain, ref domainLength);
            if (error == NativeMethods.ErrorInsufficientBuffer)
            {
                nameLength = Math.Max(nameLength, InitialNameLength);
                domainLength = Math.Max(domainLength, InitialNameLength);
                name = new StringBuilder((int)nameLength);
                domain = new StringBuilder((int)domainLength);
                error = call(name, ref nameLength, domain, ref domainLength);
            }

            // Any failure, "no such account" (ERROR_NONE_MAPPED) above all, only means there is no name to show.
            if (error != 0)
            {
                return null;
            }

            return domain.Length == 0 ? name.ToString() : domain + "\\" + name;
        }
    }
}
