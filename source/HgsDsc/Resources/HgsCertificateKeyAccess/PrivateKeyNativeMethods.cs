using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The Windows APIs that open a certificate's private key through its provider and read or
    /// write the key's security descriptor: crypt32 (CryptAcquireCertificatePrivateKey), ncrypt
    /// (CNG key storage providers) and advapi32 (CryptoAPI providers).
    /// </summary>
    internal static class PrivateKeyNativeMethods
    {
        internal const uint CryptAcquireSilentFlag = 0x00000040;
        internal const uint CryptAcquireAllowNCryptKeyFlag = 0x00010000;

        /// <summary>The key spec CryptAcquireCertificatePrivateKey returns for a CNG key handle.</summary>
        internal const uint CertNCryptKeySpec = 0xFFFFFFFF;

        internal const uint DaclSecurityInformation = 0x00000004;

        /// <summary>NCRYPT_SILENT_FLAG: NCrypt takes it per call, not from how the key was opened.</summary>
        internal const uint NCryptSilentFlag = 0x00000040;

        internal const uint PpName = 4;
        internal const uint PpKeysetSecurityDescriptor = 8;

        internal const string NCryptSecurityDescriptorProperty = "Security Descr";
        internal const string NCryptProviderHandleProperty = "Provider Handle";
        internal const string NCryptNameProperty = "Name";

        internal const int ErrorSuccess = 0;

        [DllImport("crypt32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static extern bool CryptAcquireCertificatePrivateKey(
            IntPtr certificateContext,
            uint flags,
            IntPtr parameters,
            out IntPtr providerOrKey,
            out uint keySpec,
            [MarshalAs(UnmanagedType.Bool)] out bool callerMustFree);

        [DllImport("ncrypt.dll", CharSet = CharSet.Unicode)]
        internal static extern int NCryptGetProperty(
            SafeNCryptObjectHandle handle, string property, [Out] byte[]? output, int outputLength, out int resultLength, uint flags);

        [DllImport("ncrypt.dll", CharSet = CharSet.Unicode)]
        internal static extern int NCryptSetProperty(
            SafeNCryptObjectHandle handle, string property, byte[] input, int inputLength, uint flags);

        [DllImport("ncrypt.dll")]
        internal static extern int NCryptFreeObject(IntPtr handle);

        [DllImport("advapi32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static extern bool CryptGetProvParam(
            SafeCryptProviderHandle provider, uint parameter, [Out] byte[]? data, ref int dataLength, uint flags);

        [DllImport("advapi32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static extern bool CryptSetProvParam(SafeCryptProviderHandle provider, uint parameter, byte[] data, uint flags);

        [DllImport("advapi32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        internal static extern bool CryptReleaseContext(IntPtr provider, uint flags);

        /// <summary>An NCRYPT_KEY_HANDLE or NCRYPT_PROV_HANDLE, freed with NCryptFreeObject when this code owns it.</summary>
        internal sealed class SafeNCryptObjectHandle : SafeHandleZeroOrMinusOneIsInvalid
        {
            public SafeNCryptObjectHandle(IntPtr handle, bool ownsHandle)
                : base(ownsHandle)
            {
                SetHandle(handle);
            }

            protected override bool ReleaseHandle() => NCryptFreeObject(handle) == ErrorSuccess;
        }

        /// <summary>An HCRYPTPROV, released with CryptReleaseContext when this code owns it.</summary>
        internal sealed class SafeCryptProviderHandle : SafeHandleZeroOrMinusOneIsInvalid
        {
            public SafeCryptProviderHandle(IntPtr handle, bool ownsHandle)
                : base(ownsHandle)
            {
                SetHandle(handle);
            }

            protected override bool ReleaseHandle() => CryptReleaseContext(handle, 0);
        }
    }
}
