using System;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// Reaches the private key of a certificate through its own provider, so that software keys,
    /// HSM keys and third-party providers are handled alike, never by looking for key files.
    /// Failures are <see cref="PrivateKeyAccessException"/>s that say what went wrong.
    /// </summary>
    public interface IPrivateKeySecurity
    {
        /// <summary>
        /// Opens the private key of a certificate of LocalMachine\My without any user interface.
        /// Dispose the handle before the certificate: a handle the certificate caches is freed with it.
        /// </summary>
        IPrivateKeyHandle Open(X509Certificate2 certificate);
    }

    /// <summary>An opened private key; disposing it releases the provider's handle.</summary>
    public interface IPrivateKeyHandle : IDisposable
    {
        KeyProviderKind Kind { get; }

        /// <summary>The provider's name, for example 'Microsoft Software Key Storage Provider'.</summary>
        string ProviderName { get; }

        /// <summary>The key's security descriptor (DACL part) in self-relative binary form.</summary>
        byte[] ReadSecurityDescriptor();

        /// <summary>Replaces the key's DACL with the one of the given self-relative security descriptor.</summary>
        void WriteSecurityDescriptor(byte[] securityDescriptor);
    }
}
