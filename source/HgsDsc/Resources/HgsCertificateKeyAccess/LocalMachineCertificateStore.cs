using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>The real <see cref="ICertificateStore"/>: X509Store(My, LocalMachine), opened read-only for each look-up.</summary>
    public sealed class LocalMachineCertificateStore : ICertificateStore
    {
        public X509Certificate2? Find(string thumbprint)
        {
            Platform.AssertWindows(@"Reading the certificate store LocalMachine\My");
            using (var store = new X509Store(StoreName.My, StoreLocation.LocalMachine))
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                X509Certificate2? result = null;

                // Every certificate the store hands out is a new object: keep the one asked for, release the others.
                foreach (var certificate in store.Certificates)
                {
                    if (result == null && CertificateThumbprint.AreEqual(certificate.Thumbprint, thumbprint))
                    {
                        result = certificate;
                    }
                    else
                    {
                        certificate.Dispose();
                    }
                }

                return result;
            }
        }
    }
}
