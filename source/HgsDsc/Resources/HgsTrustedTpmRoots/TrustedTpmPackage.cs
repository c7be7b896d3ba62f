using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>One certificate of the package, where it came from and which store it belongs in.</summary>
    public sealed class PackageCertificate
    {
        private readonly DerCertificate der;
        private readonly string source;
        private X509Certificate2? certificate;
        private string? subject;
        private string? issuer;

        internal PackageCertificate(string vendor, TrustedTpmStore store, string relativePath, string source, DerCertificate der)
        {
            Vendor = vendor;
            Store = store;
            RelativePath = relativePath;
            this.source = source;
            this.der = der;
        }

        public string Vendor { get; }

        public TrustedTpmStore Store { get; }

        /// <summary>The file inside the package, e.g. <c>Intel\RootCA\IntelRoot.cer</c>.</summary>
        public string RelativePath { get; }

        public string Thumbprint => der.Thumbprint;

        public string Subject => subject ?? (subject = new X500DistinguishedName(der.Subject).Name);

        /// <summary>The issuer's distinguished name, decoded from the DER (no platform certificate object is built).</summary>
        internal string Issuer => issuer ?? (issuer = new X500DistinguishedName(der.Issuer).Name);

        /// <summary>
        /// Whether the certificate names itself as its issuer, compared like <see cref="SelfSignature.NamesEqual"/>
        /// (encoded bytes, or decoded text): the cheap half of being a root.
        /// </summary>
        internal bool NamedAsOwnIssuer =>
            der.Issuer.SequenceEqual(der.Subject) || string.Equals(Issuer, Subject, StringComparison.OrdinalIgnoreCase);

        /// <summary>The encoded subject name as a lookup key (see <see cref="DerCertificate.NameKey"/>).</summary>
        internal string SubjectKey => DerCertificate.NameKey(der.Subject);

        /// <summary>The platform's certificate object (see <see cref="Load"/>).</summary>
        public X509Certificate2 Certificate => Load(NullDscLog.Instance);

        /// <summary>
        /// The platform's certificate object, built on first use. A certificate the platform
        /// cannot load is the same error as a corrupt file, naming it, and is raised before any
        /// store is written because Set loads every certificate it will add first; the platform's
        /// own words go to Verbose.
        /// </summary>
        internal X509Certificate2 Load(IDscLog log)
        {
            if (certificate == null)
            {
                try
                {
                    certificate = der.Load();
                }
                catch (InvalidCertificateFileException e)
                {
                    throw TrustedTpmPackageReader.Corrupt(RelativePath, source, e, log);
                }
            }

            return certificate;
        }
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
