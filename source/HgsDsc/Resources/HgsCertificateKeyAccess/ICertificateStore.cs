using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>The certificate store LocalMachine\My, where HGS looks for certificates added by thumbprint.</summary>
    public interface ICertificateStore
    {
        /// <summary>The certificate with this (normalized) thumbprint, owned by the caller, or null when the store lacks it.</summary>
        X509Certificate2? Find(string thumbprint);
    }
}
