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
            GetParameter(PpKeysetSecurityDescriptor, DaclSecurityInformation, KeyOperation.ReadSecurity);

        public void WriteSecurityDescriptor(byte[] securityDescriptor)
        {
            if (!CryptSetProvParam(provider, PpKeysetSecurityDescriptor, securityDescriptor, DaclSecurityInformation))
            {
                throw WindowsPrivateKeySecurity.Failure(KeyOperation.WriteSecurity, "CryptSetProvParam(PP_KEYSET_SEC_DESCR)", Marshal.GetLastWin32Error());
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

        private byte[] GetParameter(uint parameter, uint flags, KeyOperation operation) =>
            ProviderBuffer.Read(
                (byte[]? buffer, ref int size) =>
                {
                    size = buffer?.Length ?? 0;
                    return CryptGetProvParam(provider, parameter, buffer, ref size, flags) ? ErrorSuccess : Marshal.GetLastWin32Error();
                },
                operation,
                parameter == PpName ? "CryptGetProvParam(PP_NAME)" : "CryptGetProvParam(PP_KEYSET_SEC_DESCR)");
    }
}
