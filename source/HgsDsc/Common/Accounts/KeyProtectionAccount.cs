using HgsDsc.Common.Localization;

namespace HgsDsc.Common.Accounts
{
    /// <summary>An account resolved to its SID, with the name used in messages.</summary>
    public sealed class ResolvedAccount
    {
        public ResolvedAccount(Sid sid, string displayName, bool discovered)
        {
            Sid = sid;
            DisplayName = displayName;
            Discovered = discovered;
        }

        public Sid Sid { get; }

        public string DisplayName { get; }

        /// <summary>Whether it was read from the KeyProtection app pool rather than given.</summary>
        public bool Discovered { get; }

        public override string ToString() => DisplayName == Sid.Value ? DisplayName : DisplayName + " (" + Sid.Value + ")";
    }

    /// <summary>
    /// The account HGS runs KeyProtection as: the one the configuration names, or else the
    /// identity of the IIS app pool 'KeyProtection', as the guide finds it. Shared by every
    /// resource that grants something to that account.
    /// </summary>
    public static class KeyProtectionAccount
    {
        public static ResolvedAccount Resolve(string? given, string propertyName, IAccountResolver resolver, IKeyProtectionIdentity identity, IDscLog log)
        {
            var strings = LocalizedStrings.Load("HgsDsc.Common");
            if (given != null)
            {
                var sid = resolver.Resolve(given, propertyName);
                var name = resolver.TryGetName(sid);
                if (name == null)
                {
                    // A SID is taken as given; one that names no account is most likely mistyped.
                    log.Warning(strings.Format("AccountSidDoesNotResolve", propertyName, given.Trim()));
                }

                return new ResolvedAccount(sid, name ?? given.Trim(), false);
            }

            var poolIdentity = identity.GetAppPoolIdentity();
            var discovered = resolver.Resolve(poolIdentity, propertyName);
            log.Verbose(strings.Format("AccountDiscovered", poolIdentity, discovered.Value));
            return new ResolvedAccount(discovered, resolver.TryGetName(discovered) ?? poolIdentity, true);
        }
    }
}
