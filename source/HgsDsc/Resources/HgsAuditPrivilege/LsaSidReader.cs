using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using HgsDsc.Common.Accounts;

namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>
    /// Reads the SIDs LSA hands back in unmanaged memory into <see cref="Sid"/> values, through
    /// their binary form, so that nothing depends on Windows' own SID classes and every SID,
    /// resolvable or not, comes back.
    /// </summary>
    internal static class LsaSidReader
    {
        private const int HeaderLength = 8;
        private const int MaxSubAuthorities = 15;

        /// <summary>
        /// The SIDs of an LSA_ENUMERATION_INFORMATION array: <paramref name="count"/> structures,
        /// each a single PSID, so the array is a run of pointers.
        /// </summary>
        public static IReadOnlyList<Sid> ReadEnumeration(IntPtr buffer, int count)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "LSA returned a negative count.");
            }

            if (count > 0 && buffer == IntPtr.Zero)
            {
                throw new ArgumentException($"LSA returned {count} entries but no buffer.", nameof(buffer));
            }

            var sids = new List<Sid>(count);
            for (var i = 0; i < count; i++)
            {
                sids.Add(ReadSid(Marshal.ReadIntPtr(buffer, i * IntPtr.Size)));
            }

            return sids;
        }

        /// <summary>One SID in memory: its header says how many sub-authorities, hence how long it is.</summary>
        public static Sid ReadSid(IntPtr sid)
        {
            if (sid == IntPtr.Zero)
            {
                throw new ArgumentException("LSA returned an empty SID pointer.", nameof(sid));
            }

            int subAuthorityCount = Marshal.ReadByte(sid, 1);
            if (subAuthorityCount > MaxSubAuthorities)
            {
                throw new FormatException($"The SID in memory claims {subAuthorityCount} sub-authorities; at most {MaxSubAuthorities} exist.");
            }

            var binary = new byte[HeaderLength + 4 * subAuthorityCount];
            Marshal.Copy(sid, binary, 0, binary.Length);
            return Sid.FromBinary(binary);
        }
    }
}
