using System;
using System.Text;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// Just enough DER to take a certificate apart (tag, length, contents, object identifiers).
    /// netstandard2.0 has no ASN.1 reader, and the package checks need the signed bytes and the
    /// signature of a certificate, which X509Certificate2 does not expose.
    /// </summary>
    internal sealed class DerReader
    {
        public const byte Sequence = 0x30;
        public const byte ObjectIdentifier = 0x06;
        public const byte BitString = 0x03;
        public const byte Integer = 0x02;
        public const byte Null = 0x05;
        public const byte OctetString = 0x04;

        private readonly byte[] data;
        private readonly int end;
        private int position;

        public DerReader(byte[] data)
            : this(data, 0, data.Length)
        {
        }

        private DerReader(byte[] data, int start, int end)
        {
            this.data = data;
            position = start;
            this.end = end;
        }

        public bool HasMore => position < end;

        /// <summary>The tag of the next element, without consuming it.</summary>
        public byte PeekTag()
        {
            if (!HasMore)
            {
                throw new DerFormatException(DerProblem.Truncated, "the DER data ends where another element was expected");
            }

            return data[position];
        }

        /// <summary>The next element whole (tag, length and contents), for signing input.</summary>
        public byte[] ReadEncoded()
        {
            var start = position;
            ReadHeader(out _, out var contentStart, out var length);
            position = contentStart + length;
            var encoded = new byte[position - start];
            Buffer.BlockCopy(data, start, encoded, 0, encoded.Length);
            return encoded;
        }

        /// <summary>The contents of the next element, which must carry <paramref name="expectedTag"/>.</summary>
        public byte[] ReadContents(byte expectedTag)
        {
            ReadHeader(out var tag, out var contentStart, out var length);
            if (tag != expectedTag)
            {
                throw new DerFormatException(DerProblem.UnexpectedStructure, $"expected DER tag 0x{expectedTag:X2} but found 0x{tag:X2}");
            }

            position = contentStart + length;
            var contents = new byte[length];
            Buffer.BlockCopy(data, contentStart, contents, 0, length);
            return contents;
        }

        /// <summary>A reader over the contents of the next constructed element (a SEQUENCE, or a context tag).</summary>
        public DerReader ReadConstructed(byte expectedTag)
        {
            ReadHeader(out var tag, out var contentStart, out var length);
            if (tag != expectedTag)
            {
                throw new DerFormatException(DerProblem.UnexpectedStructure, $"expected DER tag 0x{expectedTag:X2} but found 0x{tag:X2}");
            }

            position = contentStart + length;
            return new DerReader(data, contentStart, contentStart + length);
        }

        public void Skip()
        {
            ReadHeader(out _, out var contentStart, out var length);
            position = contentStart + length;
        }

        public string ReadObjectIdentifier() => DecodeObjectIdentifier(ReadContents(ObjectIdentifier));

        /// <summary>
        /// The length of the DER element that starts at the beginning of <paramref name="bytes"/>,
        /// header included, or -1 when the bytes do not start with a complete element.
        /// </summary>
        public static int EncodedLength(byte[] bytes)
        {
            try
            {
                var reader = new DerReader(bytes);
                reader.ReadHeader(out _, out var contentStart, out var length);
                return contentStart + length;
            }
            catch (DerFormatException)
            {
                return -1;
            }
        }

        internal static string DecodeObjectIdentifier(byte[] encoded)
        {
            if (encoded.Length == 0)
            {
                throw new DerFormatException(DerProblem.UnexpectedStructure, "an empty object identifier");
            }

            var text = new StringBuilder();
            long value = 0;
            var first = true;
            foreach (var b in encoded)
            {
                value = (value << 7) | (uint)(b & 0x7F);
                if ((b & 0x80) != 0)
                {
                    if (value > int.MaxValue)
                    {
                        throw new DerFormatException(DerProblem.UnsupportedEncoding, "an object identifier component is too large");
                    }

                    continue;
                }

                if (first)
                {
                    var arc = value < 80 ? value / 40 : 2;
                    text.Append(arc).Append('.').Append(value - (arc * 40));
                    first = false;
                }
                else
                {
                    text.Append('.').Append(value);
                }

                value = 0;
            }

            return text.ToString();
        }

        private void ReadHeader(out byte tag, out int contentStart, out int length)
        {
            if (end - position < 2)
            {
                throw new DerFormatException(DerProblem.Truncated, "the DER data ends inside an element header");
            }

            tag = data[position];
            if ((tag & 0x1F) == 0x1F)
            {
                throw new DerFormatException(DerProblem.UnsupportedEncoding, "multi-byte DER tags are not used in certificates");
            }

            var first = data[position + 1];
            var cursor = position + 2;
            if (first < 0x80)
            {
                length = first;
            }
            else
            {
                var count = first & 0x7F;
                if (count == 0 || count > 4)
                {
                    throw new DerFormatException(DerProblem.UnsupportedEncoding, "a DER length is indefinite or uses more than four bytes");
                }

                if (end - cursor < count)
                {
                    throw new DerFormatException(DerProblem.Truncated, "the DER data ends inside a length");
                }

                long value = 0;
                for (var i = 0; i < count; i++)
                {
                    value = (value << 8) | data[cursor++];
                }

                if (value > int.MaxValue)
                {
                    throw new DerFormatException(DerProblem.UnsupportedEncoding, "a DER length is too large");
                }

                length = (int)value;
            }

            if (length > end - cursor)
            {
                throw new DerFormatException(DerProblem.Truncated, "a DER element is longer than the data that holds it");
            }

            contentStart = cursor;
        }
    }
}
