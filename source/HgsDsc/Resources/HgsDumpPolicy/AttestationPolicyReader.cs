using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Resources.HgsDumpPolicy
{
    /// <summary>
    /// Reads an AttestationPolicyInfo, live or deserialized. Microsoft does not document its
    /// properties, so each value is looked up under the names it most likely has (the first
    /// found wins): the state as one <c>State</c> value or as <c>Enabled</c>/<c>Locked</c> flags.
    /// </summary>
    internal static class AttestationPolicyReader
    {
        internal static readonly string[] NameProperties = { "Name", "PolicyName" };
        internal static readonly string[] TypeProperties = { "PolicyType", "Type" };
        internal static readonly string[] StateProperties = { "State", "PolicyState" };
        internal static readonly string[] EnabledProperties = { "Enabled", "IsEnabled" };
        internal static readonly string[] LockedProperties = { "Locked", "IsLocked" };
        internal static readonly string[] VersionProperties = { "PolicyVersion", "Version" };
        internal static readonly string[] StageProperties = { "Stage", "IsStaged", "Staged" };
        internal static readonly string[] HashProperties = { "PublicKeyHash", "KeyHash", "Hash" };

        /// <summary>The policy, or null when the object has no name (it cannot be a policy HgsDsc can address).</summary>
        public static AttestationPolicy? Read(PSObject item)
        {
            var name = FirstText(item, NameProperties);
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            name = name!.Trim();
            var version = FirstText(item, VersionProperties)?.Trim();
            if (version != null && (version.Length == 0 || string.Equals(version, "None", StringComparison.OrdinalIgnoreCase)))
            {
                version = null;
            }

            return new AttestationPolicy(
                name,
                FirstText(item, TypeProperties)?.Trim(),
                ReadState(item),
                version,
                ReadFlag(item, StageProperties) ?? false,
                ReadHash(item) ?? DumpKeyPolicyName.HashOf(name));
        }

        /// <summary>The property names an object carries, for the error that says which shape was met.</summary>
        public static string DescribeShape(PSObject item) =>
            string.Join(", ", item.Properties.Select(p => p.Name));

        private static AttestationPolicyState ReadState(PSObject item)
        {
            var text = FirstText(item, StateProperties);
            if (text != null)
            {
                foreach (AttestationPolicyState state in Enum.GetValues(typeof(AttestationPolicyState)))
                {
                    if (state != AttestationPolicyState.Unknown && string.Equals(text.Trim(), state.ToString(), StringComparison.OrdinalIgnoreCase))
                    {
                        return state;
                    }
                }

                return AttestationPolicyState.Unknown;
            }

            if (ReadFlag(item, LockedProperties) == true)
            {
                return AttestationPolicyState.Locked;
            }

            switch (ReadFlag(item, EnabledProperties))
            {
                case true:
                    return AttestationPolicyState.Enabled;
                case false:
                    return AttestationPolicyState.Disabled;
                default:
                    return AttestationPolicyState.Unknown;
            }
        }

        private static string? ReadHash(PSObject item)
        {
            foreach (var property in HashProperties)
            {
                var value = PSObjectReader.Unwrap(PSObjectReader.Property(item, property));
                var text = value is byte[] bytes && bytes.Length == DumpKeyHash.ByteLength
                    ? DumpKeyHash.ToHex(bytes)
                    : PSObjectReader.Text(value);
                if (DumpKeyHash.TryNormalize(text, out var hash))
                {
                    return hash;
                }
            }

            return null;
        }

        private static bool? ReadFlag(PSObject item, IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                var raw = PSObjectReader.Property(item, name);
                var value = PSObjectReader.Unwrap(raw);
                switch (value)
                {
                    case null:
                        continue;
                    case SwitchParameter flag:
                        return flag.IsPresent;
                    case bool b:
                        return b;
                    case string s when bool.TryParse(s.Trim(), out var parsed):
                        return parsed;
                    case IConvertible c when !(value is string):
                        try
                        {
                            return c.ToInt64(CultureInfo.InvariantCulture) != 0;
                        }
                        catch (FormatException)
                        {
                            continue;
                        }
                        catch (InvalidCastException)
                        {
                            continue;
                        }

                    default:
                        // A switch that went through serialization arrives as a bag with IsPresent.
                        var isPresent = PSObjectReader.PropertyBool(raw, "IsPresent");
                        if (isPresent != null)
                        {
                            return isPresent;
                        }

                        continue;
                }
            }

            return null;
        }

        private static string? FirstText(PSObject item, IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                var text = PSObjectReader.PropertyText(item, name);
                if (text != null)
                {
                    return text;
                }
            }

            return null;
        }
    }
}
