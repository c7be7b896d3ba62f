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
        public const uint GenericWrite = 0x40000000;
        public const uint GenericExecute = 0x20000000;
        public const uint GenericAll = 0x10000000;

        // CryptoKeyRights: the specific rights of a key, the same bits as the file rights of a key container.
        public const uint ReadData = 0x00000001;
        public const uint ReadExtendedAttributes = 0x00000008;
        public const uint ReadAttributes = 0x00000080;
        public const uint ReadPermissions = 0x00020000;
        public const uint Synchronize = 0x00100000;

        /// <summary>
        /// FILE_GENERIC_READ (0x120089), the "Read" of certlm.msc and of a FileSystemAccessRule
        /// (GuardedFabricTools' Add-AccessRule). SYNCHRONIZE belongs to it: the providers open the
        /// key file with CreateFile, which always asks for SYNCHRONIZE and FILE_READ_ATTRIBUTES.
        /// </summary>
        public const uint FileGenericRead = ReadData | ReadExtendedAttributes | ReadAttributes | ReadPermissions | Synchronize;

        // The file system's GENERIC_MAPPING, which the key files are checked against.
        private const uint FileGenericWrite = 0x00120116;
        private const uint FileGenericExecute = 0x001200A0;
        private const uint FileAllAccess = 0x001F01FF;

        /// <summary>
        /// The mask granted for Read: GENERIC_READ for a CNG key, which the key storage provider maps;
        /// for a CryptoAPI key set, whose descriptor is applied to the container file as it is,
        /// FILE_GENERIC_READ (0x120089). Never more.
        /// </summary>
        public static uint ReadMaskFor(KeyProviderKind kind) =>
            kind == KeyProviderKind.Cng ? GenericRead : FileGenericRead;

        /// <summary>A mask with its generic rights replaced by the specific rights they stand for on a key file.</summary>
        public static uint MapGenericRights(uint mask)
        {
            var specific = mask & ~(GenericRead | GenericWrite | GenericExecute | GenericAll);
            if ((mask & GenericRead) != 0)
            {
                specific |= FileGenericRead;
            }

            if ((mask & GenericWrite) != 0)
            {
                specific |= FileGenericWrite;
            }

            if ((mask & GenericExecute) != 0)
            {
                specific |= FileGenericExecute;
            }

            if ((mask & GenericAll) != 0)
            {
                specific |= FileAllAccess;
            }

            return specific;
        }

        /// <summary>Whether an allow mask gives every right of Read, in generic or in specific form (providers may store either).</summary>
        public static bool GrantsRead(uint mask) => (MapGenericRights(mask) & FileGenericRead) == FileGenericRead;

        /// <summary>
        /// Whether a deny mask takes away any right that reading the key asks for, generic rights
        /// mapped first (a denied GENERIC_WRITE or GENERIC_EXECUTE also denies READ_CONTROL and SYNCHRONIZE).
        /// </summary>
        public static bool DeniesRead(uint mask) => (MapGenericRights(mask) & FileGenericRead) != 0;

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
