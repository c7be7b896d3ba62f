using System.Collections;
using System.Globalization;
using System.Linq;

namespace HgsDsc.Common
{
    /// <summary>How values are written inside messages: quoted, arrays joined, nothing as (none).</summary>
    public static class ValueText
    {
        public static string Of(object? value)
        {
            switch (value)
            {
                case null:
                    return "(none)";
                case string s:
                    return "'" + s + "'";
                case IEnumerable items:
                    var parts = items.Cast<object?>().Select(Of).ToArray();
                    return parts.Length == 0 ? "(none)" : string.Join(", ", parts);
                case System.IFormattable f:
                    return "'" + f.ToString(null, CultureInfo.InvariantCulture) + "'";
                default:
                    return "'" + value + "'";
            }
        }
    }
}
