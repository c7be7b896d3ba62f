using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace HgsDsc.Common.PowerShell
{
    /// <summary>
    /// Reads values out of cmdlet output whatever its shape: a live .NET object, a
    /// deserialized property bag, a hashtable, or a wrapper with a <c>.Value</c>.
    /// </summary>
    public static class PSObjectReader
    {
        /// <summary>The named property (case-insensitive), or the hashtable entry, or null.</summary>
        public static object? Property(object? source, string name)
        {
            switch (Unwrap(source))
            {
                case null:
                    return null;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (string.Equals(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase))
                        {
                            return entry.Value;
                        }
                    }

                    return null;
                default:
                    var wrapped = source as PSObject ?? PSObject.AsPSObject(source);
                    return wrapped.Properties[name]?.Value;
            }
        }

        /// <summary>
        /// A value as text: strings as they are, wrappers by their <c>.Value</c>, enums by name,
        /// deserialized objects by the text they were serialized with.
        /// </summary>
        public static string? Text(object? value)
        {
            var inner = Unwrap(value);
            switch (inner)
            {
                case null:
                    return null;
                case string s:
                    return s;
                case Enum e:
                    return e.ToString();
            }

            var wrapped = PSObject.AsPSObject(value);
            var valueProperty = inner is IConvertible ? null : wrapped.Properties["Value"];
            if (valueProperty != null && valueProperty.Value != null && !ReferenceEquals(PSObjectReader.Unwrap(valueProperty.Value), inner))
            {
                return Text(valueProperty.Value);
            }

            // A deserialized enum arrives as its number with the name it had kept as ToString.
            if (value is PSObject && wrapped.TypeNames.Any(t => t.StartsWith("Deserialized.", StringComparison.Ordinal)))
            {
                return wrapped.ToString();
            }

            return inner is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : wrapped.ToString();
        }

        /// <summary>A property read as text.</summary>
        public static string? PropertyText(object? source, string name) => Text(Property(source, name));

        /// <summary>A property read as a boolean, accepting booleans, "True"/"False" and 0/1.</summary>
        public static bool? PropertyBool(object? source, string name)
        {
            var value = Unwrap(Property(source, name));
            switch (value)
            {
                case null:
                    return null;
                case bool b:
                    return b;
                case string s when bool.TryParse(s, out var parsed):
                    return parsed;
                case string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                    return number != 0;
                case IConvertible c:
                    return c.ToInt64(CultureInfo.InvariantCulture) != 0;
                default:
                    return null;
            }
        }

        /// <summary>A value as a list: arrays and collections item by item, a single value as one item.</summary>
        public static IReadOnlyList<object?> Items(object? value)
        {
            var inner = Unwrap(value);
            if (inner == null)
            {
                return Array.Empty<object?>();
            }

            if (inner is IEnumerable items && !(inner is string) && !(inner is IDictionary))
            {
                return items.Cast<object?>().ToArray();
            }

            return new[] { value };
        }

        public static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
    }
}
