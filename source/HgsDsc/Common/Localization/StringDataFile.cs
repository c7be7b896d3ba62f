using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace HgsDsc.Common.Localization
{
    /// <summary>
    /// Reads a DSC-community strings file (<c>ConvertFrom-StringData @' key = value '@</c>)
    /// without running PowerShell, with the same rules as <c>ConvertFrom-StringData</c>:
    /// one <c>key = value</c> a line, <c>#</c> comments, backslash escapes.
    /// </summary>
    internal static class StringDataFile
    {
        public static IReadOnlyDictionary<string, string> Parse(string text, string sourceName)
        {
            var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var lines = text.Replace("\r\n", "\n").Split('\n');
            var inside = false;
            var sawHereString = false;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (!inside)
                {
                    if (line.EndsWith("@'", StringComparison.Ordinal))
                    {
                        inside = true;
                        sawHereString = true;
                    }

                    continue;
                }

                if (line.StartsWith("'@", StringComparison.Ordinal))
                {
                    inside = false;
                    continue;
                }

                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    throw new FormatException($"{sourceName}, line {i + 1}: expected 'key = value' but found '{line}'.");
                }

                var key = line.Substring(0, equals).Trim();
                var value = line.Substring(equals + 1).Trim();
                if (value.IndexOf('\\') >= 0)
                {
                    value = Regex.Unescape(value);
                }

                if (table.ContainsKey(key))
                {
                    throw new FormatException($"{sourceName}, line {i + 1}: the key '{key}' is defined twice.");
                }

                table[key] = value;
            }

            if (!sawHereString || inside)
            {
                throw new FormatException($"{sourceName}: expected one here-string @' ... '@ holding the strings.");
            }

            return table;
        }

        public static IReadOnlyDictionary<string, string> Load(string path) => Parse(File.ReadAllText(path), path);
    }
}
