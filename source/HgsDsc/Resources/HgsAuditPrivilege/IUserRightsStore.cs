using System.Collections.Generic;
using HgsDsc.Common.Accounts;

namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>
    /// This node's user rights assignments, one account at a time. There is deliberately no way
    /// to write a whole list: adding or removing one SID cannot drop anybody else.
    /// </summary>
    public interface IUserRightsStore
    {
        /// <summary>Every SID the right is assigned to directly (not through a group), resolvable or not; empty when nobody holds it.</summary>
        IReadOnlyList<Sid> GetHolders(string right);

        /// <summary>Assigns the right to the account; the other holders are untouched.</summary>
        void AddRight(Sid account, string right);

        /// <summary>Takes the right from this account only; its other rights and the other holders are untouched.</summary>
        void RemoveRight(Sid account, string right);
    }
}
