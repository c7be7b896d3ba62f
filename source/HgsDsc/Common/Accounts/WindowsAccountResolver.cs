using System;
using System.Linq;
using HgsDsc.Common.Localization;

namespace HgsDsc.Common.Accounts
{
    /// <summary>
    /// The real <see cref="IAccountResolver"/>: SIDs are taken as given, names are looked up by
    /// this node's LSA (LookupAccountNameW), which asks the domain when it must. A group managed
    /// service account is found whether it was written with its trailing <c>$</c> or without.
    /// </summary>
    public sealed class WindowsAccountResolver : IAccountResolver
    {
        private readonly IAccountLookup lookup;

        public WindowsAccountResolver()
            : this(new NativeAccountLookup())
        {
        }

        internal WindowsAccountResolver(IAccountLookup lookup)
        {
            this.lookup = lookup;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load("HgsDsc.Common");

        public Sid Resolve(string account, string propertyName)
        {
            var name = AccountName.Parse(account, propertyName);
            if (name.Sid != null)
            {
                return name.Sid;
            }

            var candidates = name.LookupCandidates.Select(ForThisMachine).ToArray();
            var failure = 0;
            string? nonAccountCandidate = null;
            AccountLookupResult nonAccount = default;
            foreach (var candidate in candidates)
            {
                var result = lookup.LookupName(candidate);
                if (result.Sid != null)
                {
                    if (CanHoldRights(result.Use))
                    {
                        return result.Sid;
                    }

                    // A name without a domain is matched against domain names before accounts, so "CONTOSO"
                    // is the domain; the other spelling ("CONTOSO$", a computer or gMSA) may still be an account.
                    if (nonAccountCandidate == null)
                    {
                        nonAccountCandidate = candidate;
                        nonAccount = result;
                    }

                    continue;
                }

                // "No such account" for one spelling says nothing about the other; any other error is the real cause.
                if (result.Error != NativeMethods.ErrorNoneMapped && failure == 0)
                {
                    failure = result.Error;
                }
            }

            if (failure != 0)
            {
                throw new NodeOperationException(
                    "AccountLookupFailed",
                    Strings.Format("AccountLookupFailed", name.Text, failure, lookup.DescribeError(failure)),
                    account);
            }

            if (nonAccountCandidate != null)
            {
                throw new InvalidPropertyValueException(
                    propertyName,
                    account,
                    Strings.Format("AccountNotAnAccount", propertyName, name.Text, nonAccountCandidate, nonAccount.Sid, "SidType" + nonAccount.Use));
            }

            throw new InvalidPropertyValueException(
                propertyName, account, Strings.Format("AccountNotFound", propertyName, name.Text, string.Join("', '", candidates)));
        }

        public string? TryGetName(Sid sid)
        {
            try
            {
                return lookup.LookupSid(sid);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // A name is only for messages; a SID that no longer resolves (or a lookup that fails) is shown as the SID.
                return null;
            }
        }

        // Users, groups, aliases, well-known groups (NT AUTHORITY, IIS APPPOOL, NT SERVICE) and computers appear
        // in logon tokens (a gMSA is a user or a computer); a domain, a label or a deleted account never does.
        private static bool CanHoldRights(SidNameUse use) =>
            use == SidNameUse.User || use == SidNameUse.Group || use == SidNameUse.Alias
            || use == SidNameUse.WellKnownGroup || use == SidNameUse.Computer;

        // LookupAccountNameW does not understand ".\name"; it names this computer's own accounts.
        private static string ForThisMachine(string candidate) =>
            candidate.StartsWith(".\\", StringComparison.Ordinal) ? Environment.MachineName + candidate.Substring(1) : candidate;
    }
}
