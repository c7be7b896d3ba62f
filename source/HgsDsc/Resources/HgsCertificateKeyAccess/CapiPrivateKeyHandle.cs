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

        private byte[] GetParameter(uint parameter, uint flags, KeyOperation operation)
        {
            var api = parameter == PpName ? "CryptGetProvParam(PP_NAME)" : "CryptGetProvParam(PP_KEYSET_SEC_DESCR)";

            // The size can change between the two calls; a few tries cover that.
            for (var attempt = 0; ; attempt++)
            {
                var size = 0;
                if (!CryptGetProvParam(provider, parameter, null, ref size, flags))
                {
                    throw WindowsPrivateKeySecurity.Failure(operation, api, Marshal.GetLastWin32Error());
                }

                var buffer = new byte[size];
                if (!CryptGetProvParam(provider, parameter, buffer, ref size, flags))
                {
                    var error = Marshal.GetLastWin32Error();
                    if (error == ErrorMoreData && attempt < 3)
                    {
                        continue;
                    }

                    throw WindowsPrivateKeySecurity.Failure(operation, api, error);
                }

                if (size == buffer.Length)
                {
                    return buffer;
                }

                var exact = new byte[size];
                Buffer.BlockCopy(buffer, 0, exact, 0, size);
                return exact;
            }
        }
    }
}
