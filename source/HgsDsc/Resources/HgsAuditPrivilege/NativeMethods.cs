using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HgsDsc.Resources.HgsAuditPrivilege
{
    /// <summary>
    /// The LSA policy functions of advapi32 (ntsecapi.h) that read and change user rights.
    /// Declarations only: <see cref="LsaUserRightsStore"/> calls them, after the platform check.
    /// Every function returns an NTSTATUS (see <see cref="LsaStatus"/>), not a Win32 error.
    /// </summary>
    internal static class NativeMethods
    {
        internal const uint PolicyViewLocalInformation = 0x00000001;
        internal const uint PolicyCreateAccount = 0x00000010;
        internal const uint PolicyLookupNames = 0x00000800;

        /// <summary>LSA_UNICODE_STRING: lengths in bytes, the buffer not necessarily terminated.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct LsaUnicodeString
        {
            public ushort Length;
            public ushort MaximumLength;
            public IntPtr Buffer;
        }

        /// <summary>LSA_OBJECT_ATTRIBUTES: unused by LsaOpenPolicy, but must be zeroed with its length set.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct LsaObjectAttributes
        {
            public int Length;
            public IntPtr RootDirectory;
            public IntPtr ObjectName;
            public uint Attributes;
            public IntPtr SecurityDescriptor;
            public IntPtr SecurityQualityOfService;
        }

        /// <summary>A policy handle that LsaClose releases, even when the caller fails halfway.</summary>
        internal sealed class LsaPolicyHandle : SafeHandleZeroOrMinusOneIsInvalid
        {
            public LsaPolicyHandle()
                : base(true)
            {
            }

            protected override bool ReleaseHandle() => LsaClose(handle) == LsaStatus.Success;
        }

        /// <summary><paramref name="systemName"/> is a PLSA_UNICODE_STRING; IntPtr.Zero opens this computer's policy.</summary>
        [DllImport("advapi32.dll", ExactSpelling = true)]
        internal static extern uint LsaOpenPolicy(
            IntPtr systemName,
            ref LsaObjectAttributes objectAttributes,
            uint desiredAccess,
            out LsaPolicyHandle policyHandle);

        /// <summary>Fills <paramref name="buffer"/> with an array of LSA_ENUMERATION_INFORMATION (one PSID each), freed with LsaFreeMemory.</summary>
        [DllImport("advapi32.dll", ExactSpelling = true)]
        internal static extern uint LsaEnumerateAccountsWithUserRight(
            LsaPolicyHandle policyHandle,
            ref LsaUnicodeString userRight,
            out IntPtr buffer,
            out uint countReturned);

        [DllImport("advapi32.dll", ExactSpelling = true)]
        internal static extern uint LsaAddAccountRights(
            LsaPolicyHandle policyHandle,
            byte[] accountSid,
            [In] LsaUnicodeString[] userRights,
            uint countOfRights);

        /// <summary><paramref name="allRights"/> is a BOOLEAN (one byte); true would strip every right and delete the account object.</summary>
        [DllImport("advapi32.dll", ExactSpelling = true)]
        internal static extern uint LsaRemoveAccountRights(
            LsaPolicyHandle policyHandle,
            byte[] accountSid,
            [MarshalAs(UnmanagedType.U1)] bool allRights,
            [In] LsaUnicodeString[] userRights,
            uint countOfRights);

        [DllImport("advapi32.dll", ExactSpelling = true)]
        internal static extern uint LsaFreeMemory(IntPtr buffer);

        [DllImport("advapi32.dll", ExactSpelling = true)]
        internal static extern uint LsaClose(IntPtr policyHandle);

        [DllImport("advapi32.dll", ExactSpelling = true)]
        internal static extern uint LsaNtStatusToWinError(uint status);
    }
}
