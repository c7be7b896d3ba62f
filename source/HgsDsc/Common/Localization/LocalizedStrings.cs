using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace HgsDsc.Common.Localization
{
    /// <summary>
    /// The localized messages of one resource (or of the shared core), read from
    /// <c>&lt;culture&gt;/&lt;Name&gt;.strings.psd1</c> beside HgsDsc.dll. The current UI culture and
    /// its parents are tried first; en-US is the fallback for any key a translation lacks.
    /// </summary>
    public sealed class LocalizedStrings
    {
        public const string FallbackCulture = "en-US";

        private static readonly ConcurrentDictionary<string, LocalizedStrings> Cache =
            new ConcurrentDictionary<string, LocalizedStrings>(StringComparer.OrdinalIgnoreCase);

        private readonly IReadOnlyList<IReadOnlyDictionary<string, string>> tables;

        private LocalizedStrings(string name, IReadOnlyList<IReadOnlyDictionary<string, string>> tables)
        {
            Name = name;
            this.tables = tables;
        }

        public string Name { get; }

        /// <summary>The folder that holds the culture folders: the folder of HgsDsc.dll.</summary>
        public static string BaseDirectory { get; } =
            Path.GetDirectoryName(typeof(LocalizedStrings).Assembly.Location) ?? ".";

        /// <summary>The keys of the fallback (en-US) table, which defines every message.</summary>
        public IEnumerable<string> Keys => tables[tables.Count - 1].Keys;

        public static LocalizedStrings Load(string name) =>
            Cache.GetOrAdd(name + "|" + CultureInfo.CurrentUICulture.Name, _ => Read(name, CultureInfo.CurrentUICulture, BaseDirectory));

        internal static LocalizedStrings Read(string name, CultureInfo culture, string baseDirectory)
        {
            var found = new List<IReadOnlyDictionary<string, string>>();
            for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
            {
                if (string.Equals(c.Name, FallbackCulture, StringComparison.OrdinalIgnoreCase))
                {
                    break;
                }

                var localized = Path.Combine(baseDirectory, c.Name, name + ".strings.psd1");
                if (File.Exists(localized))
                {
                    found.Add(StringDataFile.Load(localized));
                }
            }

            var fallback = Path.Combine(baseDirectory, FallbackCulture, name + ".strings.psd1");
            if (!File.Exists(fallback))
            {
                throw new FileNotFoundException(
                    $"HgsDsc is incomplete: the strings file '{fallback}' is missing. Reinstall the module.", fallback);
            }

            found.Add(StringDataFile.Load(fallback));
            return new LocalizedStrings(name, found);
        }

        public string this[string key]
        {
            get
            {
                foreach (var table in tables)
                {
                    if (table.TryGetValue(key, out var value))
                    {
                        return value;
                    }
                }

                throw new KeyNotFoundException($"The strings file '{Name}' has no message '{key}'.");
            }
        }

        public string Format(string key, params object?[] args) =>
            string.Format(CultureInfo.CurrentCulture, this[key], args);
    }
}
