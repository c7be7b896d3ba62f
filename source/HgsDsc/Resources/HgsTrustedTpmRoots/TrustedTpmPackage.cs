using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>One certificate of the package, where it came from and which store it belongs in.</summary>
    public sealed class PackageCertificate
    {
        public PackageCertificate(string vendor, TrustedTpmStore store, string relativePath, X509Certificate2 certificate)
        {
            Vendor = vendor;
            Store = store;
            RelativePath = relativePath;
            Certificate = certificate;
            Thumbprint = certificate.Thumbprint.ToUpperInvariant();
        }

        public string Vendor { get; }

        public TrustedTpmStore Store { get; }

        /// <summary>The file inside the package, e.g. <c>Intel\RootCA\IntelRoot.cer</c>.</summary>
        public string RelativePath { get; }

        public X509Certificate2 Certificate { get; }

        public string Thumbprint { get; }

        public string Subject => Certificate.Subject;
    }

    /// <summary>
    /// A validated Trusted TPM root certificate package: every vendor folder and every certificate
    /// in it, read into memory (so that a temporary extraction can be deleted at once).
    /// </summary>
    public sealed class TrustedTpmPackage
    {
        public TrustedTpmPackage(string source, IEnumerable<string> vendors, IEnumerable<PackageCertificate> certificates)
        {
            Source = source;
            Vendors = vendors.OrderBy(v => v, StringComparer.OrdinalIgnoreCase).ToArray();
            Certificates = certificates.ToArray();
            thumbprints = new HashSet<string>(Certificates.Select(c => c.Thumbprint), StringComparer.OrdinalIgnoreCase);
        }

        private readonly HashSet<string> thumbprints;

        /// <summary>The Path the package was read from (a folder or a .cab).</summary>
        public string Source { get; }

        /// <summary>The vendor folders, by name as the package spells them.</summary>
        public IReadOnlyList<string> Vendors { get; }

        public IReadOnlyList<PackageCertificate> Certificates { get; }

        /// <summary>Whether the package holds this certificate anywhere (any vendor, either folder).</summary>
        public bool Contains(string thumbprint) => thumbprints.Contains(thumbprint);
    }
}
