using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// The real <see cref="ITpmRootStores"/> on X509Store. The resource uses LocalMachine, where
    /// HGS looks. The location and the store names can be injected so that the tests run against
    /// real, directory-backed CurrentUser stores of their own on any operating system.
    /// </summary>
    public sealed class X509TpmRootStores : ITpmRootStores
    {
        private const int ErrorFileNotFound = unchecked((int)0x80070002);
        private const int ErrorPathNotFound = unchecked((int)0x80070003);

        private readonly StoreLocation location;
        private readonly string rootName;
        private readonly string intermediateName;

        public X509TpmRootStores()
            : this(StoreLocation.LocalMachine, TrustedTpmStoreNames.RootCA, TrustedTpmStoreNames.IntermediateCA)
        {
        }

        public X509TpmRootStores(StoreLocation location, string rootStoreName, string intermediateStoreName)
        {
            this.location = location;
            rootName = rootStoreName;
            intermediateName = intermediateStoreName;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsTrustedTpmRoots));

        public string DisplayName(TrustedTpmStore store) => location + "\\" + NameOf(store);

        public TpmStoreIndex Read(TrustedTpmStore store)
        {
            AssertSupported(store);
            using (var x509 = new X509Store(NameOf(store), location))
            {
                try
                {
                    x509.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                }
                catch (CryptographicException e) when (IsMissingStore(e))
                {
                    return TpmStoreIndex.Missing(store, DisplayName(store));
                }
                catch (CryptographicException e)
                {
                    throw new NodeOperationException("TrustedTpmStoreUnreadable", Strings.Format("StoreUnreadable", DisplayName(store), e.Message), DisplayName(store), e);
                }

                return new TpmStoreIndex(store, DisplayName(store), true, x509.Certificates.Cast<X509Certificate2>().ToArray());
            }
        }

        public ITpmStoreWriter OpenForWriting(TrustedTpmStore store)
        {
            AssertSupported(store);
            var x509 = new X509Store(NameOf(store), location);
            try
            {
                x509.Open(OpenFlags.ReadWrite);
            }
            catch (Exception e) when (e is CryptographicException || e is UnauthorizedAccessException)
            {
                x509.Dispose();
                throw new NodeOperationException("TrustedTpmStoreNotWritable", Strings.Format("StoreNotWritable", DisplayName(store), e.Message), DisplayName(store), e);
            }

            return new Writer(x509);
        }

        private string NameOf(TrustedTpmStore store) => store == TrustedTpmStore.RootCA ? rootName : intermediateName;

        /// <summary>Custom LocalMachine stores exist only on Windows; elsewhere say so before .NET gives a vaguer error.</summary>
        private void AssertSupported(TrustedTpmStore store)
        {
            if (location == StoreLocation.LocalMachine && !Platform.IsWindows)
            {
                throw Platform.WindowsOnly(DisplayName(store));
            }
        }

        /// <summary>
        /// Windows reports a store that was never created as file or path not found; the
        /// directory-backed stores of other systems throw only for that reason.
        /// </summary>
        private static bool IsMissingStore(CryptographicException e) =>
            !Platform.IsWindows || e.HResult == ErrorFileNotFound || e.HResult == ErrorPathNotFound;

        private sealed class Writer : ITpmStoreWriter
        {
            private readonly X509Store store;

            public Writer(X509Store store)
            {
                this.store = store;
            }

            public void Add(X509Certificate2 certificate) => store.Add(certificate);

            public void Remove(X509Certificate2 certificate) => store.Remove(certificate);

            public void Dispose() => store.Dispose();
        }
    }
}
