using System.Linq;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.Security;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// What "Read on a private key" means in a key's DACL: how to tell whether an account has it,
    /// whether a deny entry takes it away, and the one allow entry that grants it.
    /// </summary>
    public static class KeyReadAccess
    {
        public const uint GenericRead = 0x80000000;
        public const uint GenericAll = 0x10000000;

        // CryptoKeyRights: the specific rights of a key, the same bits as the file rights of a key container.
        public const uint ReadData = 0x00000001;
        public const uint ReadExtendedAttributes = 0x00000008;
        public const uint ReadAttributes = 0x00000080;
        public const uint ReadPermissions = 0x00020000;
        public const uint Synchronize = 0x00100000;

        /// <summary>The specific rights of the "Read" permission that certlm.msc shows.</summary>
        public const uint SpecificRead = ReadData | ReadExtendedAttributes | ReadAttributes | ReadPermissions;

        /// <summary>
        /// The mask granted for Read: GENERIC_READ for a CNG key, which the key storage provider maps;
        /// for a CryptoAPI key set, whose descriptor is applied to the container file as it is,
        /// the specific read rights with SYNCHRONIZE (FILE_GENERIC_READ, 0x120089). Never more.
        /// </summary>
        public static uint ReadMaskFor(KeyProviderKind kind) =>
            kind == KeyProviderKind.Cng ? GenericRead : SpecificRead | Synchronize;

        /// <summary>Whether an allow mask gives Read, in generic or in specific form (providers may store either).</summary>
        public static bool GrantsRead(uint mask) =>
            (mask & (GenericRead | GenericAll)) != 0 || (mask & SpecificRead) == SpecificRead;

        /// <summary>Whether a deny mask takes away any part of Read.</summary>
        public static bool DeniesRead(uint mask) => (mask & (GenericRead | GenericAll | SpecificRead)) != 0;

        /// <summary>
        /// Reads the entries that name <paramref name="account"/> itself. Group memberships are not
        /// expanded: a grant is made to the account so that it does not depend on them.
        /// </summary>
        public static KeyAccessEvaluation Evaluate(SecurityDescriptor descriptor, Sid account)
        {
            if (descriptor.Dacl == null)
            {
                return new KeyAccessEvaluation(KeyAccessState.Unrestricted, 0);
            }

            var own = descriptor.Dacl.Entries.Where(e => e.AppliesToObject && e.Sid == account).ToArray();
            var denied = own.Where(e => e.IsDenied && DeniesRead(e.Mask!.Value)).Aggregate(0u, (m, e) => m | e.Mask!.Value);
            if (denied != 0)
            {
                return new KeyAccessEvaluation(KeyAccessState.Denied, denied);
            }

            var allowed = own.Where(e => e.IsAllowed).Aggregate(0u, (m, e) => m | e.Mask!.Value);
            return new KeyAccessEvaluation(GrantsRead(allowed) ? KeyAccessState.Granted : KeyAccessState.NotGranted, 0);
        }

        /// <summary>The descriptor with one explicit allow entry granting Read to the account, in canonical position; nothing else changes.</summary>
        public static SecurityDescriptor GrantRead(SecurityDescriptor descriptor, Sid account, KeyProviderKind kind)
        {
            // A descriptor without a DACL lets everyone in; giving it one would lock everyone else out.
            var dacl = descriptor.Dacl
                ?? throw new System.InvalidOperationException("The key has no DACL, so every account can already read it; adding a DACL would take access away.");
            var entry = AccessControlEntry.Allow(account, ReadMaskFor(kind));
            return descriptor.WithDacl(dacl.Insert(dacl.ExplicitAllowIndex(), entry));
        }
    }

    /// <summary>The outcome of <see cref="KeyReadAccess.Evaluate"/>: the state and, for a deny, the denied rights.</summary>
    public sealed class KeyAccessEvaluation
    {
        public KeyAccessEvaluation(KeyAccessState state, uint deniedMask)
        {
            State = state;
            DeniedMask = deniedMask;
        }

        public KeyAccessState State { get; }

        public uint DeniedMask { get; }
    }
}
