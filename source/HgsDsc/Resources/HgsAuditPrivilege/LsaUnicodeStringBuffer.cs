using System;
using System.Runtime.InteropServices;
using static HgsDsc.Resources.HgsAuditPrivilege.NativeMethods;

namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>
    /// An LSA_UNICODE_STRING and the unmanaged memory behind it, freed on Dispose. LSA counts
    /// lengths in bytes, without the terminating null, in 16 bits: a longer text is refused here
    /// rather than silently truncated.
    /// </summary>
    internal sealed class LsaUnicodeStringBuffer : IDisposable
    {
        /// <summary>The most characters an LSA_UNICODE_STRING can describe, leaving room for the terminator.</summary>
        internal const int MaxCharacters = (ushort.MaxValue - 1) / 2 - 1;

        private IntPtr memory;

        private LsaUnicodeStringBuffer(string text)
        {
            if (text.Length > MaxCharacters)
            {
                throw new ArgumentException($"An LSA string holds at most {MaxCharacters} characters; this one has {text.Length}.", nameof(text));
            }

            memory = Marshal.StringToHGlobalUni(text);
            Value = new LsaUnicodeString
            {
                Length = (ushort)(text.Length * 2),
                MaximumLength = (ushort)((text.Length + 1) * 2),
                Buffer = memory,
            };
        }

        public LsaUnicodeString Value { get; private set; }

        public static LsaUnicodeStringBuffer From(string text) => new LsaUnicodeStringBuffer(text ?? throw new ArgumentNullException(nameof(text)));

        /// <summary>The text an LSA_UNICODE_STRING describes: exactly Length bytes, terminated or not.</summary>
        public static string Read(LsaUnicodeString value) =>
            value.Buffer == IntPtr.Zero || value.Length == 0 ? string.Empty : Marshal.PtrToStringUni(value.Buffer, value.Length / 2);

        public void Dispose()
        {
            if (memory != IntPtr.Zero)
            {
                Marshal.FreeHGlobal(memory);
                memory = IntPtr.Zero;
                Value = default;
            }
        }
    }
}
