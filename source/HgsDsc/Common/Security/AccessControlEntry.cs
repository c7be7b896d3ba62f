using System;
using HgsDsc.Common.Accounts;

namespace HgsDsc.Common.Security
{
    /// <summary>
    /// One ACE of an access control list, kept as the bytes it was read from so that an ACE this
    /// code does not understand (object, callback, audit, mandatory label, ...) is written back
    /// unchanged. Allow and deny ACEs of the basic kind also expose their mask and SID.
    /// </summary>
    public sealed class AccessControlEntry
    {
        public const byte AccessAllowedType = 0x00;
        public const byte AccessDeniedType = 0x01;
        public const byte AccessAllowedObjectType = 0x05;
        public const byte AccessDeniedObjectType = 0x06;
        public const byte AccessDeniedCallbackType = 0x0A;
        public const byte AccessDeniedCallbackObjectType = 0x0C;

        public const byte InheritOnlyFlag = 0x08;
        public const byte InheritedFlag = 0x10;

        private const int HeaderLength = 4;
        private const int MaskLength = 4;

        private readonly byte[] bytes;

        private AccessControlEntry(byte[] bytes, Sid? sid)
        {
            this.bytes = bytes;
            Sid = sid;
        }

        public byte Type => bytes[0];

        public byte Flags => bytes[1];

        public int Length => bytes.Length;

        /// <summary>The access mask of an allow or deny ACE of the basic kind; null for any other ACE.</summary>
        public uint? Mask => Sid == null ? (uint?)null : ReadUInt32(bytes, HeaderLength);

        /// <summary>The trustee of an allow or deny ACE of the basic kind; null for any other ACE.</summary>
        public Sid? Sid { get; }

        public bool IsAllowed => Type == AccessAllowedType;

        public bool IsDenied => Type == AccessDeniedType;

        /// <summary>Any deny ACE, also object and callback ones: canonical order puts all of them first.</summary>
        public bool IsAnyDeny => Type == AccessDeniedType || Type == AccessDeniedObjectType
            || Type == AccessDeniedCallbackType || Type == AccessDeniedCallbackObjectType;

        public bool IsInherited => (Flags & InheritedFlag) != 0;

        /// <summary>An inherit-only ACE is only passed on to children; it does not govern the object itself.</summary>
        public bool AppliesToObject => (Flags & InheritOnlyFlag) == 0;

        /// <summary>A new ACCESS_ALLOWED_ACE for <paramref name="sid"/> with <paramref name="mask"/>, without inheritance flags.</summary>
        public static AccessControlEntry Allow(Sid sid, uint mask)
        {
            var sidBytes = sid.ToBinary();
            var data = new byte[HeaderLength + MaskLength + sidBytes.Length];
            data[0] = AccessAllowedType;
            data[1] = 0;
            WriteUInt16(data, 2, (ushort)data.Length);
            WriteUInt32(data, HeaderLength, mask);
            Buffer.BlockCopy(sidBytes, 0, data, HeaderLength + MaskLength, sidBytes.Length);
            return new AccessControlEntry(data, sid);
        }

        /// <summary>Reads the ACE at <paramref name="offset"/>, which must end at or before <paramref name="limit"/>.</summary>
        internal static AccessControlEntry Read(byte[] data, int offset, int limit)
        {
            if (limit - offset < HeaderLength)
            {
                throw new FormatException($"An ACE header at offset {offset} runs past the end of its ACL.");
            }

            int size = ReadUInt16(data, offset + 2);
            if (size < HeaderLength || size % 4 != 0 || offset + size > limit)
            {
                throw new FormatException($"The ACE at offset {offset} has the invalid size {size}.");
            }

            var raw = new byte[size];
            Buffer.BlockCopy(data, offset, raw, 0, size);
            Sid? sid = null;
            if (raw[0] == AccessAllowedType || raw[0] == AccessDeniedType)
            {
                if (size < HeaderLength + MaskLength + 8)
                {
                    throw new FormatException($"The allow or deny ACE at offset {offset} is too short to hold a SID.");
                }

                sid = Sid.FromBinary(raw, HeaderLength + MaskLength);
                if (HeaderLength + MaskLength + sid.BinaryLength > size)
                {
                    throw new FormatException($"The SID of the ACE at offset {offset} runs past the end of the ACE.");
                }
            }

            return new AccessControlEntry(raw, sid);
        }

        internal void WriteTo(byte[] target, int offset) => Buffer.BlockCopy(bytes, 0, target, offset, bytes.Length);

        /// <summary>The ACE exactly as it is stored.</summary>
        public byte[] ToBinary() => (byte[])bytes.Clone();

        internal static ushort ReadUInt16(byte[] data, int offset) => (ushort)(data[offset] | (data[offset + 1] << 8));

        internal static uint ReadUInt32(byte[] data, int offset) =>
            (uint)(data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24));

        internal static void WriteUInt16(byte[] data, int offset, ushort value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
        }

        internal static void WriteUInt32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 16);
            data[offset + 3] = (byte)(value >> 24);
        }
    }
}
