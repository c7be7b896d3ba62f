using System;
using System.Collections.Generic;
using HgsDsc.Common.Localization;

namespace HgsDsc.Common.Accounts
{
    /// <summary>
    /// An account as an administrator writes it, checked for shape before anything looks it up:
    /// <c>DOMAIN\name$</c>, <c>DOMAIN\name</c>, <c>name$</c>, <c>name</c>, <c>S-1-...</c> or
    /// <c>*S-1-...</c> (the secedit form). A SID is taken as it is; a name is looked up later.
    /// </summary>
    public sealed class AccountName
    {
        // Characters Windows forbids in account and domain names; finding one means a typo, not an account.
        private static readonly char[] ForbiddenCharacters = { '"', '/', '\\', '[', ']', ':', ';', '|', '=', ',', '+', '*', '?', '<', '>' };

        private AccountName(string text, string? domain, string? name, Sid? sid)
        {
            Text = text;
            Domain = domain;
            Name = name;
            Sid = sid;
        }

        /// <summary>The account as given, trimmed.</summary>
        public string Text { get; }

        /// <summary>The part before the backslash, or null when none was given.</summary>
        public string? Domain { get; }

        /// <summary>The account name without its domain (with its trailing <c>$</c> when given), or null for a SID.</summary>
        public string? Name { get; }

        /// <summary>The SID, when the account was given as one.</summary>
        public Sid? Sid { get; }

        public bool IsSid => Sid != null;

        /// <summary>
        /// The names to look up, best first: as given, then with the trailing <c>$</c> of a
        /// group managed service account added or removed, because administrators write the
        /// gMSA both ways and only one of them names it. Empty for a SID.
        /// </summary>
        public IReadOnlyList<string> LookupCandidates
        {
            get
            {
                if (Name == null)
                {
                    return Array.Empty<string>();
                }

                var alternative = Name.EndsWith("$", StringComparison.Ordinal) ? Name.Substring(0, Name.Length - 1) : Name + "$";
                var candidates = new List<string> { Qualify(Name) };
                if (alternative.Length > 0)
                {
                    candidates.Add(Qualify(alternative));
                }

                return candidates;
            }
        }

        /// <summary>
        /// Reads an account, or throws <see cref="InvalidPropertyValueException"/> naming
        /// <paramref name="propertyName"/> and the value when it cannot be an account.
        /// </summary>
        public static AccountName Parse(string? value, string propertyName)
        {
            var strings = LocalizedStrings.Load("HgsDsc.Common");
            var text = (value ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                throw new InvalidPropertyValueException(propertyName, value, strings.Format("AccountEmpty", propertyName));
            }

            if (LooksLikeSid(text))
            {
                if (!Sid.TryParse(text, out var sid))
                {
                    throw new InvalidPropertyValueException(propertyName, value, strings.Format("AccountMalformedSid", propertyName, text));
                }

                return new AccountName(text, null, null, sid);
            }

            var parts = text.Split('\\');
            if (parts.Length > 2)
            {
                throw new InvalidPropertyValueException(propertyName, value, strings.Format("AccountTooManyBackslashes", propertyName, text));
            }

            var domain = parts.Length == 2 ? parts[0].Trim() : null;
            var name = parts[parts.Length - 1].Trim();
            if (domain != null && domain.Length == 0)
            {
                throw new InvalidPropertyValueException(propertyName, value, strings.Format("AccountDomainEmpty", propertyName, text));
            }

            if (name.Length == 0 || name == "$")
            {
                throw new InvalidPropertyValueException(propertyName, value, strings.Format("AccountNameEmpty", propertyName, text));
            }

            var forbidden = FirstForbidden(name) ?? (domain == null ? null : FirstForbidden(domain));
            if (forbidden != null)
            {
                throw new InvalidPropertyValueException(propertyName, value, strings.Format("AccountForbiddenCharacter", propertyName, text, forbidden));
            }

            return new AccountName(text, domain, name, null);
        }

        public override string ToString() => Text;

        // "S-1-x" and "*S-..." are meant as SIDs: they must parse as one rather than be looked up as names.
        private static bool LooksLikeSid(string text) =>
            text.StartsWith("*", StringComparison.Ordinal)
            || text.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, "S-1", StringComparison.OrdinalIgnoreCase);

        private static char? FirstForbidden(string part)
        {
            var index = part.IndexOfAny(ForbiddenCharacters);
            return index < 0 ? (char?)null : part[index];
        }

        private string Qualify(string name) => Domain == null ? name : Domain + "\\" + name;
    }
}
