using System.Collections.Generic;

namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>A domain Group Policy object that assigns a user right on this node, and to whom.</summary>
    public sealed class GroupPolicyRightAssignment
    {
        public GroupPolicyRightAssignment(string policyId, string? policyName, IReadOnlyList<string> accounts)
        {
            PolicyId = policyId;
            PolicyName = policyName;
            Accounts = accounts;
        }

        /// <summary>The GPO as RSOP identifies it (its directory path).</summary>
        public string PolicyId { get; }

        /// <summary>The GPO's display name, when RSOP knows it.</summary>
        public string? PolicyName { get; }

        /// <summary>The accounts the GPO lists for the right, as written there (names or *S-1-... SIDs).</summary>
        public IReadOnlyList<string> Accounts { get; }

        /// <summary>How messages name the GPO.</summary>
        public string DisplayName => string.IsNullOrWhiteSpace(PolicyName) ? PolicyId : PolicyName + " (" + PolicyId + ")";
    }

    /// <summary>
    /// Whether a domain Group Policy defines a user right for this node. Such a policy replaces the
    /// right's whole list at every refresh, so a local change it does not include is undone.
    /// </summary>
    public interface IGroupPolicyRights
    {
        /// <summary>The winning domain GPO that assigns <paramref name="right"/>, or null when none does (local policy only).</summary>
        GroupPolicyRightAssignment? FindDomainAssignment(string right);
    }
}
