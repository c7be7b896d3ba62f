using System;
using System.Collections.Generic;
using System.Linq;
using HgsDsc.Common;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>
    /// The real <see cref="IGroupPolicyRights"/>: the resultant set of policy that Group Policy
    /// logs at each refresh (WMI namespace root/rsop/computer), read with Get-CimInstance. The
    /// RSOP_UserPrivilegeRight setting with precedence 1 is the one applied; a GPOID other than
    /// LocalGPO means a domain GPO.
    /// </summary>
    public sealed class RsopGroupPolicyRights : IGroupPolicyRights
    {
        internal const string Namespace = "root/rsop/computer";
        internal const string LocalPolicyId = "LocalGPO";

        private readonly ICommandInvoker invoker;

        public RsopGroupPolicyRights(ICommandInvoker invoker)
        {
            this.invoker = invoker;
        }

        public GroupPolicyRightAssignment? FindDomainAssignment(string right)
        {
            // CimCmdlets ships with every Windows PowerShell; only another system lacks it.
            if (!Platform.IsWindows && !invoker.CommandExists("Get-CimInstance", "CimCmdlets"))
            {
                throw Platform.WindowsOnly("Get-CimInstance");
            }

            var winning = invoker.Invoke("Get-CimInstance", Query("RSOP_UserPrivilegeRight", $"UserRight='{WqlText(right)}' AND precedence=1"))
                .FirstOrDefault();
            if (winning == null)
            {
                return null;
            }

            var policyId = PSObjectReader.PropertyText(winning, "GPOID")?.Trim();
            if (string.IsNullOrEmpty(policyId) || string.Equals(policyId, LocalPolicyId, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var accounts = PSObjectReader.Items(PSObjectReader.Property(winning, "AccountList"))
                .Select(PSObjectReader.Text)
                .Where(a => !string.IsNullOrWhiteSpace(a))
                .Select(a => a!.Trim())
                .ToArray();
            return new GroupPolicyRightAssignment(policyId!, TryGetPolicyName(policyId!), accounts);
        }

        /// <summary>The GPO's display name from RSOP_GPO; only for messages, so a failure leaves it out.</summary>
        private string? TryGetPolicyName(string policyId)
        {
            try
            {
                var gpo = invoker.Invoke("Get-CimInstance", Query("RSOP_GPO", $"id='{WqlText(policyId)}'")).FirstOrDefault();
                var name = PSObjectReader.PropertyText(gpo, "name");
                return string.IsNullOrWhiteSpace(name) ? null : name!.Trim();
            }
            catch (HgsDscException)
            {
                return null;
            }
        }

        private static Dictionary<string, object?> Query(string className, string filter) => new Dictionary<string, object?>
        {
            ["Namespace"] = Namespace,
            ["ClassName"] = className,
            ["Filter"] = filter,
        };

        // WQL string literals escape the backslash and the quote with a backslash.
        internal static string WqlText(string value) => value.Replace("\\", "\\\\").Replace("'", "\\'");
    }
}
