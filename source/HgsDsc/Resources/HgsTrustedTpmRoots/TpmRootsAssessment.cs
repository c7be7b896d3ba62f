using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>How far one vendor of the package is installed.</summary>
    public sealed class VendorInstallation
    {
        internal VendorInstallation(string vendor, IReadOnlyDictionary<TrustedTpmStore, int> expected, IReadOnlyDictionary<TrustedTpmStore, IReadOnlyList<PackageCertificate>> missing)
        {
            Vendor = vendor;
            Expected = expected;
            Missing = missing;
        }

        public string Vendor { get; }

        /// <summary>Distinct certificates the package has for each store.</summary>
        public IReadOnlyDictionary<TrustedTpmStore, int> Expected { get; }

        /// <summary>Those of them that the store lacks.</summary>
        public IReadOnlyDictionary<TrustedTpmStore, IReadOnlyList<PackageCertificate>> Missing { get; }

        public int Installed(TrustedTpmStore store) => Expected[store] - Missing[store].Count;
    }

    /// <summary>A certificate in one of the stores that the package no longer has, and the chosen vendor it is tied to.</summary>
    public sealed class SurplusCertificate
    {
        internal SurplusCertificate(TrustedTpmStore store, string vendor, X509Certificate2 certificate)
        {
            Store = store;
            Vendor = vendor;
            Certificate = certificate;
        }

        public TrustedTpmStore Store { get; }

        public string Vendor { get; }

        public X509Certificate2 Certificate { get; }
    }

    /// <summary>
    /// The comparison of a package with the two stores, computed once from one reading of each
    /// store: hash lookups only, so thousands of certificates cost linear time.
    ///
    /// Missing: a certificate of a chosen vendor that its store lacks.
    ///
    /// Surplus (what Purge removes) follows a conservative rule, because the stores may hold
    /// certificates that other vendors, other configurations or an administrator put there:
    /// a certificate is surplus only when (1) the package holds it nowhere (no vendor, neither
    /// folder), and (2) it is tied to the package's vendors, namely its issuer or its
    /// subject is (as encoded) the subject of a certificate in a vendor folder, or its issuer is the subject of
    /// another certificate so tied (an old intermediate of a dropped hierarchy), and
    /// (3) every vendor it is tied to is a chosen vendor. A certificate tied to a vendor that was
    /// not chosen, or to no vendor of the package at all, is never removed.
    /// </summary>
    public sealed class TpmRootsAssessment
    {
        private TpmRootsAssessment(
            IReadOnlyDictionary<TrustedTpmStore, TpmStoreIndex> stores,
            IReadOnlyList<VendorInstallation> vendors,
            IReadOnlyList<SurplusCertificate> surplus,
            IReadOnlyDictionary<TrustedTpmStore, int> keptForOtherVendors,
            IReadOnlyDictionary<TrustedTpmStore, int> unattributed)
        {
            Stores = stores;
            Vendors = vendors;
            Surplus = surplus;
            KeptForOtherVendors = keptForOtherVendors;
            Unattributed = unattributed;
        }

        public IReadOnlyDictionary<TrustedTpmStore, TpmStoreIndex> Stores { get; }

        /// <summary>The chosen vendors, in the package's order.</summary>
        public IReadOnlyList<VendorInstallation> Vendors { get; }

        public IReadOnlyList<SurplusCertificate> Surplus { get; }

        /// <summary>Certificates the package no longer has that are tied (also) to vendors that were not chosen: kept.</summary>
        public IReadOnlyDictionary<TrustedTpmStore, int> KeptForOtherVendors { get; }

        /// <summary>Certificates the package does not have and that are tied to none of its vendors: never touched.</summary>
        public IReadOnlyDictionary<TrustedTpmStore, int> Unattributed { get; }

        public int MissingCount => ToAdd().Sum(s => s.Value.Count);

        /// <summary>What Set adds, per store, each certificate once even when several vendors ship it.</summary>
        public IReadOnlyDictionary<TrustedTpmStore, IReadOnlyList<PackageCertificate>> ToAdd()
        {
            var result = new Dictionary<TrustedTpmStore, IReadOnlyList<PackageCertificate>>();
            foreach (var store in TrustedTpmStoreNames.All)
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                result[store] = Vendors.SelectMany(v => v.Missing[store]).Where(c => seen.Add(c.Thumbprint)).ToArray();
            }

            return result;
        }

        public static TpmRootsAssessment Assess(TrustedTpmPackage package, IReadOnlyCollection<string> chosenVendors, TpmStoreIndex rootStore, TpmStoreIndex intermediateStore)
        {
            var stores = new Dictionary<TrustedTpmStore, TpmStoreIndex>
            {
                [TrustedTpmStore.RootCA] = rootStore,
                [TrustedTpmStore.IntermediateCA] = intermediateStore,
            };
            var chosen = new HashSet<string>(chosenVendors, StringComparer.OrdinalIgnoreCase);

            var byVendor = package.Certificates.ToLookup(c => c.Vendor, StringComparer.OrdinalIgnoreCase);
            var vendors = new List<VendorInstallation>();
            foreach (var vendor in package.Vendors.Where(chosen.Contains))
            {
                var expected = new Dictionary<TrustedTpmStore, int>();
                var missing = new Dictionary<TrustedTpmStore, IReadOnlyList<PackageCertificate>>();
                foreach (var store in TrustedTpmStoreNames.All)
                {
                    var certificates = byVendor[vendor].Where(c => c.Store == store).ToArray();
                    expected[store] = certificates.Length;
                    missing[store] = certificates.Where(c => !stores[store].Contains(c.Thumbprint)).ToArray();
                }

                vendors.Add(new VendorInstallation(vendor, expected, missing));
            }

            var candidates = TrustedTpmStoreNames.All
                .SelectMany(store => stores[store].Certificates.Where(c => !package.Contains(c.Thumbprint)).Select(c => new Candidate(store, c)))
                .ToArray();
            Attribute(package, candidates);

            var surplus = new List<SurplusCertificate>();
            var keptForOthers = TrustedTpmStoreNames.All.ToDictionary(s => s, _ => 0);
            var unattributed = TrustedTpmStoreNames.All.ToDictionary(s => s, _ => 0);
            foreach (var candidate in candidates)
            {
                if (candidate.Owners.Count == 0)
                {
                    unattributed[candidate.Store]++;
                }
                else if (candidate.Owners.All(chosen.Contains))
                {
                    surplus.Add(new SurplusCertificate(candidate.Store, candidate.Owners.OrderBy(o => o, StringComparer.OrdinalIgnoreCase).First(), candidate.Certificate));
                }
                else
                {
                    keptForOthers[candidate.Store]++;
                }
            }

            return new TpmRootsAssessment(stores, vendors, surplus, keptForOthers, unattributed);
        }

        private static void Attribute(TrustedTpmPackage package, IReadOnlyList<Candidate> candidates)
        {
            var vendorsBySubject = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var certificate in package.Certificates)
            {
                if (!vendorsBySubject.TryGetValue(certificate.SubjectKey, out var owners))
                {
                    vendorsBySubject[certificate.SubjectKey] = owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                owners.Add(certificate.Vendor);
            }

            foreach (var candidate in candidates)
            {
                candidate.AddOwners(vendorsBySubject, candidate.IssuerKey);
                candidate.AddOwners(vendorsBySubject, candidate.SubjectKey);
            }

            // An old intermediate may hang below another certificate the package dropped: follow
            // issuers through the attributed candidates until nothing changes (each round is linear,
            // and the number of rounds is bounded by the depth of the hierarchy).
            var changed = true;
            while (changed)
            {
                changed = false;
                var ownersBySubject = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                foreach (var candidate in candidates.Where(c => c.Owners.Count > 0))
                {
                    if (!ownersBySubject.TryGetValue(candidate.SubjectKey, out var owners))
                    {
                        ownersBySubject[candidate.SubjectKey] = owners = new HashSet<string>(StringComparer.Ordinal);
                    }

                    owners.UnionWith(candidate.Owners);
                }

                foreach (var candidate in candidates.Where(c => c.Owners.Count == 0))
                {
                    changed |= candidate.AddOwners(ownersBySubject, candidate.IssuerKey);
                }
            }
        }

        private sealed class Candidate
        {
            public Candidate(TrustedTpmStore store, X509Certificate2 certificate)
            {
                Store = store;
                Certificate = certificate;
                SubjectKey = DerCertificate.NameKey(certificate.SubjectName.RawData);
                IssuerKey = DerCertificate.NameKey(certificate.IssuerName.RawData);
            }

            public string SubjectKey { get; }

            public string IssuerKey { get; }

            public TrustedTpmStore Store { get; }

            public X509Certificate2 Certificate { get; }

            public HashSet<string> Owners { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            public bool AddOwners(IReadOnlyDictionary<string, HashSet<string>> bySubject, string name)
            {
                if (!bySubject.TryGetValue(name, out var owners))
                {
                    return false;
                }

                var before = Owners.Count;
                Owners.UnionWith(owners);
                return Owners.Count > before;
            }
        }
    }
}
