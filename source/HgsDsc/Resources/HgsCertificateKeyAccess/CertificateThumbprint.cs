using System.Globalization;
using System.Text;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// Thumbprints as administrators paste them: from certlm.msc they often carry spaces and an
    /// invisible left-to-right mark, so spaces and every format character (U+200E, U+200F, U+FEFF,
    /// zero-width characters, ...) are removed before the 40 hexadecimal digits are compared.
    /// </summary>
    public static class CertificateThumbprint
    {
        /// <summary>The value of Thumbprint that stands for every certificate HGS uses.</summary>
        public const string All = "All";

        private const int Sha1HexLength = 40;

        public static bool IsAll(string? value) =>
            string.Equals(Clean(value), All, System.StringComparison.OrdinalIgnoreCase);

        /// <summary>The thumbprint in upper case without separators, or null when it is not 40 hexadecimal digits.</summary>
        public static string? Normalize(string? value)
        {
            var cleaned = Clean(value).ToUpperInvariant();
            if (cleaned.Length != Sha1HexLength)
            {
                return null;
            }

            foreach (var c in cleaned)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')))
                {
                    return null;
                }
            }

            return cleaned;
        }

        public static bool AreEqual(string? left, string? right)
        {
            var a = Normalize(left);
            return a != null && a == Normalize(right);
        }

        private static string Clean(string? value)
        {
            var text = new StringBuilder((value ?? string.Empty).Length);
            foreach (var c in value ?? string.Empty)
            {
                if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                {
                    continue;
                }

                text.Append(c);
            }

            return text.ToString();
        }
    }
}
