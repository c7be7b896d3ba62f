using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common.Hgs;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Resources.HgsAttestationMode
{
    /// <summary>
    /// The real <see cref="IHgsAttestationServer"/>: the HgsServer cmdlets, run through PowerShell.
    /// </summary>
    public sealed class HgsAttestationServerCmdlets : IHgsAttestationServer
    {
        internal const string ModeSetting = "AttestationOperationMode";

        private static readonly IReadOnlyDictionary<AttestationMode, string> RegistrationQueries = new Dictionary<AttestationMode, string>
        {
            [AttestationMode.Tpm] = "Get-HgsAttestationTpmHost",
            [AttestationMode.ActiveDirectory] = "Get-HgsAttestationHostGroup",
            [AttestationMode.HostKey] = "Get-HgsAttestationHostKey",
        };

        private readonly ICommandInvoker invoker;

        public HgsAttestationServerCmdlets(ICommandInvoker invoker)
        {
            this.invoker = invoker;
        }

        public string? GetAttestationOperationMode()
        {
            HgsModule.AssertAvailable(invoker, "Get-HgsServer");
            return PSObjectReader.Text(ReadSetting(invoker.Invoke("Get-HgsServer"), ModeSetting));
        }

        public bool SupportsMode(AttestationMode mode)
        {
            HgsModule.AssertAvailable(invoker, "Set-HgsServer");
            return invoker.HasParameter("Set-HgsServer", AttestationModeText.SetHgsServerSwitch(mode));
        }

        public void SetAttestationMode(AttestationMode mode)
        {
            HgsModule.AssertAvailable(invoker, "Set-HgsServer");
            invoker.Invoke("Set-HgsServer", new Dictionary<string, object?>
            {
                [AttestationModeText.SetHgsServerSwitch(mode)] = new SwitchParameter(true),
                ["Confirm"] = false,
            });
        }

        public IReadOnlyDictionary<AttestationMode, int> GetRegistrationCounts()
        {
            var counts = new Dictionary<AttestationMode, int>();
            foreach (var query in RegistrationQueries)
            {
                if (invoker.CommandExists(query.Value))
                {
                    counts[query.Key] = invoker.Invoke(query.Value).Count;
                }
            }

            return counts;
        }

        /// <summary>
        /// Finds one setting in Get-HgsServer's output, which is a Name/Value table: a hashtable,
        /// a list of entries with Name (or Key) and Value, or one object with the setting as a property.
        /// </summary>
        internal static object? ReadSetting(IEnumerable<PSObject> output, string name)
        {
            foreach (var item in output)
            {
                var inner = PSObjectReader.Unwrap(item);
                if (inner is IDictionary)
                {
                    var fromTable = PSObjectReader.Property(item, name);
                    if (fromTable != null)
                    {
                        return fromTable;
                    }

                    continue;
                }

                var entryName = PSObjectReader.PropertyText(item, "Name") ?? PSObjectReader.PropertyText(item, "Key");
                var entryValue = item.Properties["Value"];
                if (entryName != null && entryValue != null)
                {
                    if (string.Equals(entryName.Trim(), name, StringComparison.OrdinalIgnoreCase))
                    {
                        return entryValue.Value;
                    }

                    continue;
                }

                var direct = PSObjectReader.Property(item, name);
                if (direct != null)
                {
                    return direct;
                }
            }

            return null;
        }
    }
}
