using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// The Trusted TPM root certificate package is installed on this HGS node: every root of the
    /// chosen vendors in LocalMachine\TrustedTPM_RootCA and every intermediate in
    /// LocalMachine\TrustedTPM_IntermediateCA, so that Add-HgsAttestationTpmHost trusts the
    /// EKcert of hosts whose TPMs come from those vendors. Apply it to every node. The whole
    /// package is read and validated before any store is written. With Purge, the certificates
    /// tied to a chosen vendor of the package that the package no longer has are removed, and no
    /// other certificate (see <see cref="TpmRootsAssessment"/> for "tied"); no other store is ever touched.
    /// </summary>
    [DscResource]
    [Description("The Trusted TPM root certificate package is installed on this HGS node: vendor roots in LocalMachine\\TrustedTPM_RootCA, intermediates in LocalMachine\\TrustedTPM_IntermediateCA. Apply it to every node.")]
    public sealed class HgsTrustedTpmRoots : HgsDscResource<HgsTrustedTpmRoots>
    {
        /// <summary>How many certificates a Reason names before it says "and N more".</summary>
        internal const int NamedPerReason = 5;

        private ITpmRootStores? stores;
        private ICabinetExtractor? extractor;
        private TrustedTpmPackage? package;
        private string? packagePath;
        private bool rootSignaturesVerified;

        public HgsTrustedTpmRoots()
        {
        }

        public HgsTrustedTpmRoots(ITpmRootStores stores, ICabinetExtractor? extractor = null)
        {
            this.stores = stores;
            this.extractor = extractor;
        }

        [DscProperty(Key = true)]
        [Description("The extracted Trusted TPM root certificate package folder (vendor folders with RootCA and IntermediateCA), or TrustedTpm.cab where expand.exe exists.")]
        public string? Path { get; set; }

        [DscProperty]
        [Description("Only these vendor folders of the package (for example Intel, Infineon). All vendors when omitted.")]
        public string[]? Vendor { get; set; }

        [DscProperty]
        [Description("Also remove from the two TrustedTPM stores the certificates that are tied to a chosen vendor of the package (named as issuer or subject by its certificates, or issued by such a certificate) and that the package no longer has. No other certificate is ever removed.")]
        public bool? Purge { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Certificates in LocalMachine\\TrustedTPM_RootCA.")]
        public int? RootCACount { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Certificates in LocalMachine\\TrustedTPM_IntermediateCA.")]
        public int? IntermediateCACount { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Certificates of the chosen vendors that their store lacks.")]
        public int? MissingCount { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Certificates in the two stores that are tied to a chosen vendor of the package and that the package no longer has (what Purge removes).")]
        public int? ExtraCount { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Per chosen vendor: how many of its roots and intermediates are installed.")]
        public string[]? VendorCounts { get; set; }

        /// <summary>The comparison behind a reading, kept for Compare and Modify.</summary>
        internal TpmRootsAssessment? Assessment { get; private set; }

        private ITpmRootStores Stores =>
            stores ?? (stores = NodeServices.Get<ITpmRootStores>(() => new X509TpmRootStores()));

        private ICabinetExtractor Extractor =>
            extractor ?? (extractor = NodeServices.Get<ICabinetExtractor>(() => new ExpandExeCabinetExtractor()));

        protected override void AssertProperties()
        {
            base.AssertProperties();
            if (Vendor != null && Vendor.Any(v => v == null || v.Trim().Length == 0))
            {
                throw new InvalidPropertyValueException(nameof(Vendor), Vendor, Strings.Format("VendorNameEmpty"));
            }

            var loaded = LoadPackage(Path!.Trim());
            if (Vendor == null)
            {
                return;
            }

            var unknown = Vendor.Where(v => !loaded.Vendors.Contains(v.Trim(), StringComparer.OrdinalIgnoreCase)).ToArray();
            if (unknown.Length > 0)
            {
                throw new InvalidPropertyValueException(
                    nameof(Vendor),
                    Vendor,
                    Strings.Format("UnknownVendor", string.Join("', '", unknown), loaded.Source, string.Join(", ", loaded.Vendors)));
            }
        }

        protected override void NormalizeProperties()
        {
            Path = Path!.Trim();
            if (Vendor != null)
            {
                // The package's own spelling, once each, so that messages and Get agree with the folders.
                Vendor = package!.Vendors.Where(v => Vendor.Any(w => string.Equals(w.Trim(), v, StringComparison.OrdinalIgnoreCase))).ToArray();
            }
        }

        /// <summary>Vendor and Purge choose what is compared; the stores are compared certificate by certificate in Compare.</summary>
        protected override bool IsCompared(string propertyName) => false;

        protected override HgsTrustedTpmRoots GetCurrentState(HgsTrustedTpmRoots desired)
        {
            var chosen = desired.Vendor != null && desired.Vendor.Length > 0 ? desired.Vendor : package!.Vendors.ToArray();
            var root = ReadStore(TrustedTpmStore.RootCA);
            var intermediate = ReadStore(TrustedTpmStore.IntermediateCA);
            var assessment = TpmRootsAssessment.Assess(package!, chosen, root, intermediate);

            foreach (var store in TrustedTpmStoreNames.All)
            {
                if (assessment.KeptForOtherVendors[store] > 0)
                {
                    Log.Verbose(Strings.Format("KeptForOtherVendors", assessment.KeptForOtherVendors[store], assessment.Stores[store].DisplayName));
                }

                if (assessment.Unattributed[store] > 0)
                {
                    Log.Verbose(Strings.Format("Unattributed", assessment.Unattributed[store], assessment.Stores[store].DisplayName));
                }
            }

            if (assessment.Surplus.Count > 0 && desired.Purge != true)
            {
                Log.Verbose(Strings.Format("ExtraKept", assessment.Surplus.Count));
            }

            return new HgsTrustedTpmRoots
            {
                Vendor = chosen,
                Purge = desired.Purge,
                RootCACount = root.Count,
                IntermediateCACount = intermediate.Count,
                MissingCount = assessment.MissingCount,
                ExtraCount = assessment.Surplus.Count,
                VendorCounts = assessment.Vendors.Select(v => DescribeVendor(v, assessment)).ToArray(),
                Assessment = assessment,
            };
        }

        protected override IReadOnlyList<StateDifference> Compare(HgsTrustedTpmRoots desired, HgsTrustedTpmRoots current)
        {
            var differences = base.Compare(desired, current).ToList();
            var assessment = current.Assessment!;
            foreach (var vendor in assessment.Vendors)
            {
                foreach (var store in TrustedTpmStoreNames.All)
                {
                    var missing = vendor.Missing[store];
                    if (missing.Count == 0)
                    {
                        continue;
                    }

                    var phrase = Strings.Format(
                        "MissingFromStore",
                        vendor.Vendor,
                        missing.Count,
                        assessment.Stores[store].DisplayName,
                        Summarise(missing, c => Strings.Format("CertificateItem", c.Subject, c.Thumbprint)),
                        assessment.Stores[store].Exists ? string.Empty : " " + Strings.Format("StoreWillBeCreated"));
                    differences.Add(new StateDifference(nameof(Path), vendor.Vendor, missing.Count, phrase));
                }
            }

            if (desired.Purge == true)
            {
                foreach (var group in assessment.Surplus.GroupBy(s => new { s.Vendor, s.Store }))
                {
                    var phrase = Strings.Format(
                        "ExtraInStore",
                        group.Key.Vendor,
                        assessment.Stores[group.Key.Store].DisplayName,
                        group.Count(),
                        Summarise(group.ToArray(), s => Strings.Format("CertificateItem", s.Certificate.Subject, s.Certificate.Thumbprint)));
                    differences.Add(new StateDifference(nameof(Purge), true, group.Count(), phrase));
                }
            }

            return differences;
        }

        protected override void Modify(HgsTrustedTpmRoots desired, HgsTrustedTpmRoots current, IReadOnlyList<StateDifference> differences)
        {
            var assessment = current.Assessment!;
            var toAdd = assessment.ToAdd();
            var toRemove = desired.Purge == true
                ? TrustedTpmStoreNames.All.ToDictionary(s => s, s => (IReadOnlyList<X509Certificate2>)assessment.Surplus.Where(x => x.Store == s).Select(x => x.Certificate).ToArray())
                : TrustedTpmStoreNames.All.ToDictionary(s => s, _ => (IReadOnlyList<X509Certificate2>)new X509Certificate2[0]);

            // Every certificate is loaded before the first write, so one the platform rejects stops Set with nothing changed.
            var rootsToAdd = toAdd[TrustedTpmStore.RootCA].Select(c => c.Load(Log)).ToArray();
            var intermediatesToAdd = toAdd[TrustedTpmStore.IntermediateCA].Select(c => c.Load(Log)).ToArray();
            var progress = new SetProgress(rootsToAdd.Length + intermediatesToAdd.Length, toRemove.Sum(r => r.Value.Count));

            // Roots before intermediates when adding, intermediates before roots when removing:
            // a chain is never left hanging from a root that is not there yet or any more.
            Write(TrustedTpmStore.RootCA, rootsToAdd, adding: true, progress);
            Write(TrustedTpmStore.IntermediateCA, intermediatesToAdd, adding: true, progress);
            Write(TrustedTpmStore.IntermediateCA, toRemove[TrustedTpmStore.IntermediateCA], adding: false, progress);
            Write(TrustedTpmStore.RootCA, toRemove[TrustedTpmStore.RootCA], adding: false, progress);
            Log.Verbose(Strings.Format("SetDone", progress.Added, progress.Removed));
        }

        /// <summary>
        /// Reads the package once per instance (a .cab is expanded once per Get, Test or Set). The
        /// signature of each RootCA certificate is verified for Get and Set, before anything is
        /// written; Test, which engines call every 15 minutes and which writes nothing, leaves it out.
        /// </summary>
        private TrustedTpmPackage LoadPackage(string path)
        {
            var reader = new TrustedTpmPackageReader(Extractor, Log);
            if (package == null || !string.Equals(packagePath, path, StringComparison.Ordinal))
            {
                package = reader.Read(path, verifyRootSignatures: false);
                packagePath = path;
                rootSignaturesVerified = false;
            }

            if (Operation != DscOperation.Test && !rootSignaturesVerified)
            {
                reader.VerifyRootSignatures(package);
                rootSignaturesVerified = true;
            }

            return package;
        }

        private TpmStoreIndex ReadStore(TrustedTpmStore store)
        {
            var index = Stores.Read(store);
            Log.Verbose(index.Exists
                ? Strings.Format("StoreRead", index.DisplayName, index.Count)
                : Strings.Format("StoreMissing", index.DisplayName));
            return index;
        }

        private void Write(TrustedTpmStore store, IReadOnlyList<X509Certificate2> certificates, bool adding, SetProgress progress)
        {
            if (certificates.Count == 0)
            {
                return;
            }

            var display = Stores.DisplayName(store);
            progress.Current = null;
            try
            {
                using (var writer = Stores.OpenForWriting(store))
                {
                    foreach (var certificate in certificates)
                    {
                        progress.Current = certificate;
                        Log.Verbose(Strings.Format(adding ? "Adding" : "Removing", certificate.Subject, certificate.Thumbprint, display));
                        if (adding)
                        {
                            writer.Add(certificate);
                            progress.Added++;
                        }
                        else
                        {
                            writer.Remove(certificate);
                            progress.Removed++;
                        }
                    }
                }
            }
            catch (Exception e) when (!(e is HgsDscException) && (e is System.Security.Cryptography.CryptographicException || e is UnauthorizedAccessException || e is System.IO.IOException || e is InvalidOperationException))
            {
                throw Failed(adding ? "AddFailed" : "RemoveFailed", display, progress, e);
            }
            catch (NodeOperationException e)
            {
                throw Failed(adding ? "AddFailed" : "RemoveFailed", display, progress, e);
            }
        }

        private NodeOperationException Failed(string action, string store, SetProgress progress, Exception cause)
        {
            var what = progress.Current == null
                ? Strings.Format("OpenFailed", store)
                : Strings.Format(action, progress.Current.Subject, progress.Current.Thumbprint, store);
            return new NodeOperationException(
                "TrustedTpmStoreWriteFailed",
                Strings.Format("WriteFailed", what, cause.Message, progress.Added, progress.Removed, progress.ToAdd - progress.Added, progress.ToRemove - progress.Removed),
                store,
                cause);
        }

        private string DescribeVendor(VendorInstallation vendor, TpmRootsAssessment assessment)
        {
            var line = Strings.Format(
                "VendorCount",
                vendor.Vendor,
                vendor.Installed(TrustedTpmStore.RootCA),
                vendor.Expected[TrustedTpmStore.RootCA],
                vendor.Installed(TrustedTpmStore.IntermediateCA),
                vendor.Expected[TrustedTpmStore.IntermediateCA]);
            var extra = assessment.Surplus.Count(s => string.Equals(s.Vendor, vendor.Vendor, StringComparison.OrdinalIgnoreCase));
            return extra == 0 ? line : line + " " + Strings.Format("VendorExtraCount", extra);
        }

        /// <summary>Names the first few certificates and counts the rest, so a Reason stays readable for thousands.</summary>
        private string Summarise<T>(IReadOnlyList<T> items, Func<T, string> describe)
        {
            var named = string.Join(", ", items.Take(NamedPerReason).Select(describe));
            return items.Count > NamedPerReason ? named + " " + Strings.Format("AndMore", items.Count - NamedPerReason) : named;
        }

        private sealed class SetProgress
        {
            public SetProgress(int toAdd, int toRemove)
            {
                ToAdd = toAdd;
                ToRemove = toRemove;
            }

            public int ToAdd { get; }

            public int ToRemove { get; }

            public int Added { get; set; }

            public int Removed { get; set; }

            public X509Certificate2? Current { get; set; }
        }
    }
}
