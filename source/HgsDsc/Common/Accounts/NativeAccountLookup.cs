using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace HgsDsc.Common.Accounts
{
    /// <summary>
    /// <see cref="IAccountLookup"/> on Windows: LookupAccountNameW and LookupAccountSidW with the
    /// grow-and-retry buffer protocol they document. Kept thin; off Windows a name lookup
    /// fails with the one clear error and a SID simply has no name.
    /// </summary>
    internal sealed class NativeAccountLookup : IAccountLookup
    {
        private const int InitialNameLength = 256;

        public AccountLookupResult LookupName(string name)
        {
            Platform.AssertWindows("LookupAccountNameW ('" + name + "')");
            var sid = new byte[NativeMethods.MaxSidSize];
            var sidSize = (uint)sid.Length;
            var domainLength = (uint)InitialNameLength;
            var domain = new StringBuilder((int)domainLength);
            if (NativeMethods.LookupAccountName(null, name, sid, ref sidSize, domain, ref domainLength, out _))
            {
                return AccountLookupResult.Found(Sid.FromBinary(sid));
            }

            var error = Marshal.GetLastWin32Error();
            if (error != NativeMethods.ErrorInsufficientBuffer)
            {
                return AccountLookupResult.Failed(error);
            }

            // Only a domain name longer than the first guess gets here; the SID buffer is already the maximum.
            sid = new byte[sidSize];
            domain = new StringBuilder((int)domainLength);
            return NativeMethods.LookupAccountName(null, name, sid, ref sidSize, domain, ref domainLength, out _)
                ? AccountLookupResult.Found(Sid.FromBinary(sid))
                : AccountLookupResult.Failed(Marshal.GetLastWin32Error());
        }

        public string? LookupSid(Sid sid)
        {
            if (!Platform.IsWindows)
            {
                return null;
            }

            var binary = sid.ToBinary();
            var nameLength = (uint)InitialNameLength;
            var domainLength = (uint)InitialNameLength;
            var name = new StringBuilder((int)nameLength);
            var domain = new StringBuilder((int)domainLength);
            if (!NativeMethods.LookupAccountSid(null, binary, name, ref nameLength, domain, ref domainLength, out _))
            {
                if (Marshal.GetLastWin32Error() != NativeMethods.ErrorInsufficientBuffer)
                {
                    return null;
                }

                name = new StringBuilder((int)nameLength);
                domain = new StringBuilder((int)domainLength);
                if (!NativeMethods.LookupAccountSid(null, binary, name, ref nameLength, domain, ref domainLength, out _))
                {
                    return null;
                }
            }

            return domain.Length == 0 ? name.ToString() : domain + "\\" + name;
        }

        public string DescribeError(int error) => new Win32Exception(error).Message;
    }
}
