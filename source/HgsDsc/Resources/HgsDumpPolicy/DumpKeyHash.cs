using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>
    /// The hash by which HGS knows a host's dump encryption key: SHA-256 over the key's
    /// BCRYPT_RSAKEY_BLOB (the form the host keeps under CrashControl\EncryptionCertificates),
    /// written as 64 upper-case hexadecimal characters.
    /// </summary>
    public static class DumpKeyHash
    {
        public const int ByteLength = 32;

        public const int TextLength = ByteLength * 2;

        /// <summary>BCRYPT_RSAPUBLIC_MAGIC, 'RSA1' read as a little-endian DWORD.</summary>
        public const uint RsaPublicMagic = 0x31415352;

        public const int BlobHeaderLength = 6 * sizeof(uint);

        /// <summary>
        /// RSA key sizes HgsDsc computes a hash for. Hosts encrypt dumps with RSA 2048 keys; the
        /// larger standard sizes are accepted because the blob and its hash are defined the same
        /// way for them. Smaller keys are too weak to protect shielded VM memory.
        /// </summary>
        public static readonly int[] AcceptedKeySizes = { 2048, 3072, 4096 };

        /// <summary>Whether the text is a hash (64 hex characters, surrounding blanks ignored); gives it in upper case.</summary>
        public static bool TryNormalize(string? text, out string hash)
        {
            hash = string.Empty;
            var candidate = (text ?? string.Empty).Trim();
            if (candidate.Length != TextLength || !candidate.All(IsHexDigit))
            {
                return false;
            }

            hash = candidate.ToUpperInvariant();
            return true;
        }

        public static string ToHex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                text.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        /// <summary>The hash of a blob exactly as given (the host's own bytes).</summary>
        public static string OfBlob(byte[] blob)
        {
            using (var sha = SHA256.Create())
            {
                return ToHex(sha.ComputeHash(blob));
            }
        }

        /// <summary>The hash of the public key with this big-endian exponent and modulus.</summary>
        public static string OfPublicKey(byte[] exponent, byte[] modulus) => OfBlob(BuildBlob(exponent, modulus));

        /// <summary>
        /// The BCRYPT_RSAKEY_BLOB BCryptExportKey writes for a public key: the header (magic, key
        /// size in bits, exponent and modulus lengths, two zero prime lengths) as little-endian
        /// DWORDs, then exponent and modulus big-endian without leading zero bytes.
        /// </summary>
        public static byte[] BuildBlob(byte[] exponent, byte[] modulus)
        {
            var e = TrimLeadingZeros(exponent);
            var n = TrimLeadingZeros(modulus);
            var blob = new byte[BlobHeaderLength + e.Length + n.Length];
            WriteUInt32(blob, 0, RsaPublicMagic);
            WriteUInt32(blob, 4, (uint)BitLength(n));
            WriteUInt32(blob, 8, (uint)e.Length);
            WriteUInt32(blob, 12, (uint)n.Length);
            WriteUInt32(blob, 16, 0);
            WriteUInt32(blob, 20, 0);
            Buffer.BlockCopy(e, 0, blob, BlobHeaderLength, e.Length);
            Buffer.BlockCopy(n, 0, blob, BlobHeaderLength + e.Length, n.Length);
            return blob;
        }

        /// <summary>The number of significant bits of a big-endian number.</summary>
        public static int BitLength(byte[] bigEndian)
        {
            var n = TrimLeadingZeros(bigEndian);
            if (n.Length == 0)
            {
                return 0;
            }

            var bits = (n.Length - 1) * 8;
            for (var top = n[0]; top != 0; top >>= 1)
            {
                bits++;
            }

            return bits;
        }

        public static bool IsAcceptedKeySize(int bits) => Array.IndexOf(AcceptedKeySizes, bits) >= 0;

        internal static uint ReadUInt32(byte[] data, int offset) =>
            (uint)(data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24));

        private static void WriteUInt32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 16);
            data[offset + 3] = (byte)(value >> 24);
        }

        private static byte[] TrimLeadingZeros(byte[] value)
        {
            var start = 0;
            while (start < value.Length && value[start] == 0)
            {
                start++;
            }

            return value.Skip(start).ToArray();
        }

        private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
