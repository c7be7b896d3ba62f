using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HgsDsc.Common.Accounts
{
    /// <summary>
    /// A Windows security identifier, parsed and written without Windows, so that accounts are
    /// compared by SID everywhere (never by display name) and the logic is testable on any OS.
    /// </summary>
    public sealed class Sid : IEquatable<Sid>
    {
        public static readonly Sid LocalService = Parse("S-1-5-19");
        public static readonly Sid NetworkService = Parse("S-1-5-20");

        private const int MaxSubAuthorities = 15;

        private readonly uint[] subAuthorities;

        private Sid(ulong authority, uint[] subAuthorities)
        {
            IdentifierAuthority = authority;
            this.subAuthorities = subAuthorities;
            Value = "S-1-" + (authority < (1UL << 32) ? authority.ToString(CultureInfo.InvariantCulture) : "0x" + authority.ToString("X12", CultureInfo.InvariantCulture))
                + string.Concat(subAuthorities.Select(s => "-" + s.ToString(CultureInfo.InvariantCulture)));
        }

        /// <summary>The canonical text form, for example <c>S-1-5-19</c>.</summary>
        public string Value { get; }

        public ulong IdentifierAuthority { get; }

        public IReadOnlyList<uint> SubAuthorities => subAuthorities;

        /// <summary>The length of the binary form.</summary>
        public int BinaryLength => 8 + 4 * subAuthorities.Length;

        public static Sid Parse(string text) =>
            TryParse(text, out var sid) ? sid! : throw new FormatException($"'{text}' is not a security identifier (S-1-...).");

        /// <summary>Reads <c>S-1-...</c>, also with a leading <c>*</c> as secedit writes it.</summary>
        public static bool TryParse(string? text, out Sid? sid)
        {
            sid = null;
            var value = (text ?? string.Empty).Trim().TrimStart('*');
            var parts = value.Split('-');
            if (parts.Length < 3 || parts.Length > 3 + MaxSubAuthorities
                || !string.Equals(parts[0], "S", StringComparison.OrdinalIgnoreCase) || parts[1] != "1")
            {
                return false;
            }

            ulong authority;
            if (parts[2].StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                if (!ulong.TryParse(parts[2].Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out authority))
                {
                    return false;
                }
            }
            else if (!ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out authority))
            {
                return false;
            }

            if (authority >= (1UL << 48))
            {
                return false;
            }

            var subs = new uint[parts.Length - 3];
            for (var i = 0; i < subs.Length; i++)
            {
                if (!uint.TryParse(parts[i + 3], NumberStyles.None, CultureInfo.InvariantCulture, out subs[i]))
                {
                    return false;
                }
            }

            sid = new Sid(authority, subs);
            return true;
        }

        /// <summary>Reads the binary form (revision 1) at <paramref name="offset"/>.</summary>
        public static Sid FromBinary(byte[] data, int offset = 0)
        {
            if (data.Length - offset < 8 || data[offset] != 1)
            {
                throw new FormatException("The bytes do not hold a revision 1 security identifier.");
            }

            int count = data[offset + 1];
            if (count > MaxSubAuthorities || data.Length - offset < 8 + 4 * count)
            {
                throw new FormatException("The security identifier is truncated or has too many sub-authorities.");
            }

            ulong authority = 0;
            for (var i = 0; i < 6; i++)
            {
                authority = (authority << 8) | data[offset + 2 + i];
            }

            var subs = new uint[count];
            for (var i = 0; i < count; i++)
            {
                subs[i] = BitConverter.ToUInt32(data, offset + 8 + 4 * i);
                if (!BitConverter.IsLittleEndian)
                {
                    subs[i] = ReverseBytes(subs[i]);
                }
            }

            return new Sid(authority, subs);
        }

        /// <summary>The binary form: revision, count, 6-byte big-endian authority, little-endian sub-authorities.</summary>
        public byte[] ToBinary()
        {
            var data = new byte[BinaryLength];
            data[0] = 1;
            data[1] = (byte)subAuthorities.Length;
            for (var i = 0; i < 6; i++)
            {
                data[2 + i] = (byte)(IdentifierAuthority >> (8 * (5 - i)));
            }

            for (var i = 0; i < subAuthorities.Length; i++)
            {
                var s = subAuthorities[i];
                data[8 + 4 * i] = (byte)s;
                data[9 + 4 * i] = (byte)(s >> 8);
                data[10 + 4 * i] = (byte)(s >> 16);
                data[11 + 4 * i] = (byte)(s >> 24);
            }

            return data;
        }

        public bool Equals(Sid? other) => other != null && string.Equals(Value, other.Value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as Sid);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        public override string ToString() => Value;

        public static bool operator ==(Sid? left, Sid? right) => left is null ? right is null : left.Equals(right);

        public static bool operator !=(Sid? left, Sid? right) => !(left == right);

        private static uint ReverseBytes(uint value) =>
            (value >> 24) | ((value >> 8) & 0xFF00) | ((value << 8) & 0xFF0000) | (value << 24);
    }
}
