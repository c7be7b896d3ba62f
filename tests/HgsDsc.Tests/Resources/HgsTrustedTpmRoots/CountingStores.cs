using System.Security.Cryptography.X509Certificates;
using HgsDsc.Resources.HgsTrustedTpmRoots;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>The real stores, with counts of what the resource asked of them and failures on demand.</summary>
internal sealed class CountingStores : ITpmRootStores
{
    private readonly ITpmRootStores inner;

    public CountingStores(ITpmRootStores inner)
    {
        this.inner = inner;
    }

    public Dictionary<TrustedTpmStore, int> Reads { get; } = new();

    public int Opened { get; private set; }

    public List<string> Added { get; } = new();

    public List<string> Removed { get; } = new();

    /// <summary>The 1-based add that throws, or 0.</summary>
    public int FailOnAdd { get; init; }

    public bool FailOnOpen { get; init; }

    public string DisplayName(TrustedTpmStore store) => inner.DisplayName(store);

    public TpmStoreIndex Read(TrustedTpmStore store)
    {
        Reads[store] = Reads.GetValueOrDefault(store) + 1;
        return inner.Read(store);
    }

    public ITpmStoreWriter OpenForWriting(TrustedTpmStore store)
    {
        Opened++;
        if (FailOnOpen)
        {
            throw new System.Security.Cryptography.CryptographicException("access is denied");
        }

        return new Writer(this, inner.OpenForWriting(store));
    }

    private sealed class Writer : ITpmStoreWriter
    {
        private readonly CountingStores owner;
        private readonly ITpmStoreWriter inner;

        public Writer(CountingStores owner, ITpmStoreWriter inner)
        {
            this.owner = owner;
            this.inner = inner;
        }

        public void Add(X509Certificate2 certificate)
        {
            if (owner.Added.Count + 1 == owner.FailOnAdd)
            {
                throw new System.IO.IOException("disk full");
            }

            inner.Add(certificate);
            owner.Added.Add(certificate.Thumbprint);
        }

        public void Remove(X509Certificate2 certificate)
        {
            inner.Remove(certificate);
            owner.Removed.Add(certificate.Thumbprint);
        }

        public void Dispose() => inner.Dispose();
    }
}
