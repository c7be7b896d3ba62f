using System;
using System.Runtime.InteropServices;
using static HgsDsc.Resources.HgsCertificateKeyAccess.PrivateKeyNativeMethods;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>A key set of a CryptoAPI provider: its security descriptor is the provider parameter PP_KEYSET_SEC_DESCR.</summary>
    internal sealed class CapiPrivateKeyHandle : IPrivateKeyHandle
    {
        private readonly SafeCryptProviderHandle provider;
        private string? providerName;

        public CapiPrivateKeyHandle(SafeCryptProviderHandle provider)
        {
            this.provider = provider;
        }

        public KeyProviderKind Kind => KeyProviderKind.Capi;

        public string ProviderName => providerName ?? (providerName = ReadProviderName());

        public byte[] ReadSecurityDescriptor() =>
            GetParameter(PpKeysetSecurityDescriptor, DaclSecurityInformation, KeyOperation.ReadSecurity, KnownProviderName());

        public void WriteSecurityDescriptor(byte[] securityDescriptor)
        {
            if (!CryptSetProvParam(provider, PpKeysetSecurityDescriptor, securityDescriptor, DaclSecurityInformation))
            {
                // The error first: reading the name makes native calls that overwrite it.
                var error = Marshal.GetLastWin32Error();
                throw WindowsPrivateKeySecurity.Failure(KeyOperation.WriteSecurity, "CryptSetProvParam(PP_KEYSET_SEC_DESCR)", error, KnownProviderName());
            }
        }

        public void Dispose() => provider.Dispose();

        private string ReadProviderName()
        {
            var name = GetParameter(PpName, 0, KeyOperation.Open);
            var length = Array.IndexOf(name, (byte)0);
            var pinned = GCHandle.Alloc(name, GCHandleType.Pinned);
            try
            {
                // PP_NAME is an ANSI string in the system code page.
                return Marshal.PtrToStringAnsi(pinned.AddrOfPinnedObject(), length >= 0 ? length : name.Length);
            }
            finally
            {
                pinned.Free();
            }
        }

        /// <summary>The provider's name for classifying an error, or null when it cannot be read either.</summary>
        private string? KnownProviderName()
        {
            try
            {
                return ProviderName;
            }
            catch (PrivateKeyAccessException)
            {
                return null;
            }
        }

        private byte[] GetParameter(uint parameter, uint flags, KeyOperation operation, string? providerName = null) =>
            ProviderBuffer.Read(
                (byte[]? buffer, ref int size) =>
                {
                    size = buffer?.Length ?? 0;
                    return CryptGetProvParam(provider, parameter, buffer, ref size, flags) ? ErrorSuccess : Marshal.GetLastWin32Error();
                },
                operation,
                parameter == PpName ? "CryptGetProvParam(PP_NAME)" : "CryptGetProvParam(PP_KEYSET_SEC_DESCR)",
                providerName);
    }
}
