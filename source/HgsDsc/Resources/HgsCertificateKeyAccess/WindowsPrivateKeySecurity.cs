using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
using static HgsDsc.Resources.HgsCertificateKeyAccess.PrivateKeyNativeMethods;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The real <see cref="IPrivateKeySecurity"/>: CryptAcquireCertificatePrivateKey, silent and
    /// allowing CNG keys, gives either a CNG key handle or a CryptoAPI provider handle, and the
    /// key's security descriptor is then read and written through that provider.
    /// </summary>
    public sealed class WindowsPrivateKeySecurity : IPrivateKeySecurity
    {
        public IPrivateKeyHandle Open(X509Certificate2 certificate)
        {
            Platform.AssertWindows("Opening a certificate's private key (CryptAcquireCertificatePrivateKey)");

            // A disposed certificate has no CERT_CONTEXT; crypt32 would be handed NULL.
            var context = certificate.Handle;
            if (context == IntPtr.Zero)
            {
                throw new ObjectDisposedException(nameof(certificate));
            }

            try
            {
                if (!CryptAcquireCertificatePrivateKey(
                        context,
                        CryptAcquireSilentFlag | CryptAcquireAllowNCryptKeyFlag,
                        IntPtr.Zero,
                        out var handle,
                        out var keySpec,
                        out var callerMustFree))
                {
                    throw Failure(KeyOperation.Open, "CryptAcquireCertificatePrivateKey", Marshal.GetLastWin32Error());
                }

                // When the caller need not free it, the handle belongs to the CERT_CONTEXT and lives as long as it.
                return keySpec == CertNCryptKeySpec
                    ? (IPrivateKeyHandle)new CngPrivateKeyHandle(new SafeNCryptObjectHandle(handle, callerMustFree))
                    : new CapiPrivateKeyHandle(new SafeCryptProviderHandle(handle, callerMustFree));
            }
            finally
            {
                // The CERT_CONTEXT must outlive the native call on the failure path too.
                GC.KeepAlive(certificate);
            }
        }

        /// <summary>
        /// The exception for a failed call, classified for the key's provider (null when its name
        /// is not known) and carrying the system's own text.
        /// </summary>
        internal static PrivateKeyAccessException Failure(KeyOperation operation, string api, int error, string? providerName = null)
        {
            var hresult = PrivateKeyErrors.ToHResult(error);
            var text = string.Format(CultureInfo.InvariantCulture, "{0}: 0x{1:X8} {2}", api, hresult, new Win32Exception(hresult).Message);
            return new PrivateKeyAccessException(PrivateKeyErrors.Classify(hresult, operation, providerName), hresult, text);
        }
    }
}
