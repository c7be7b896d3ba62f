using System;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// The TrustedTPM_RootCA and TrustedTPM_IntermediateCA certificate stores, and nothing else:
    /// the resource can reach no other store through this.
    /// </summary>
    public interface ITpmRootStores
    {
        /// <summary>How the store is named in messages, e.g. <c>LocalMachine\TrustedTPM_RootCA</c>.</summary>
        string DisplayName(TrustedTpmStore store);

        /// <summary>Reads the whole store once into a thumbprint index. Never creates the store.</summary>
        TpmStoreIndex Read(TrustedTpmStore store);

        /// <summary>Opens the store for changes, creating it when it is missing.</summary>
        ITpmStoreWriter OpenForWriting(TrustedTpmStore store);
    }

    /// <summary>An open store being changed; disposing it closes the store.</summary>
    public interface ITpmStoreWriter : IDisposable
    {
        void Add(X509Certificate2 certificate);

        void Remove(X509Certificate2 certificate);
    }
}
