using System;
using System.Text;
using static HgsDsc.Resources.HgsCertificateKeyAccess.PrivateKeyNativeMethods;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>A key of a CNG Key Storage Provider: its security descriptor is the key property "Security Descr".</summary>
    internal sealed class CngPrivateKeyHandle : IPrivateKeyHandle
    {
        private readonly SafeNCryptObjectHandle key;
        private string? providerName;

        public CngPrivateKeyHandle(SafeNCryptObjectHandle key)
        {
            this.key = key;
        }

        public KeyProviderKind Kind => KeyProviderKind.Cng;

        public string ProviderName => providerName ?? (providerName = ReadProviderName());

        // The key was opened silently, but an NCrypt call shows no user interface only when it is
        // asked not to itself; a configuration run has nobody to answer a provider's prompt.
        public byte[] ReadSecurityDescriptor() =>
            GetProperty(key, NCryptSecurityDescriptorProperty, DaclSecurityInformation | NCryptSilentFlag, KeyOperation.ReadSecurity, KnownProviderName());

        public void WriteSecurityDescriptor(byte[] securityDescriptor)
        {
            var status = NCryptSetProperty(key, NCryptSecurityDescriptorProperty, securityDescriptor, securityDescriptor.Length, DaclSecurityInformation | NCryptSilentFlag);
            if (status != ErrorSuccess)
            {
                throw WindowsPrivateKeySecurity.Failure(KeyOperation.WriteSecurity, "NCryptSetProperty(Security Descr)", status, KnownProviderName());
            }
        }

        public void Dispose() => key.Dispose();

        private string ReadProviderName()
        {
            var value = GetProperty(key, NCryptProviderHandleProperty, 0, KeyOperation.Open);
            var raw = IntPtr.Size == 8 ? new IntPtr(BitConverter.ToInt64(value, 0)) : new IntPtr(BitConverter.ToInt32(value, 0));

            // The provider handle this property hands out is the caller's to free.
            using (var provider = new SafeNCryptObjectHandle(raw, true))
            {
                var name = GetProperty(provider, NCryptNameProperty, 0, KeyOperation.Open);
                return Encoding.Unicode.GetString(name).TrimEnd('\0');
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

        private static byte[] GetProperty(SafeNCryptObjectHandle handle, string property, uint flags, KeyOperation operation, string? providerName = null) =>
            ProviderBuffer.Read(
                (byte[]? buffer, ref int size) => NCryptGetProperty(handle, property, buffer, buffer?.Length ?? 0, out size, flags),
                operation,
                "NCryptGetProperty(" + property + ")",
                providerName);
    }
}
