using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HgsDsc.Common;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// Reads and validates a Trusted TPM root certificate package, from its extracted folder or
    /// from the .cab. Every certificate file of every vendor is read and checked before the
    /// package is returned, so that a corrupt file or a RootCA certificate that is not a root
    /// stops the resource before any store is written. The error names the file.
    /// </summary>
    public sealed class TrustedTpmPackageReader
    {
        internal const string PathProperty = "Path";

        private static readonly string[] CertificateExtensions = { ".cer", ".crt", ".der" };

        private readonly ICabinetExtractor extractor;
        private readonly IDscLog log;

        public TrustedTpmPackageReader(ICabinetExtractor extractor, IDscLog log)
        {
            this.extractor = extractor;
            this.log = log;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsTrustedTpmRoots));

        /// <summary>Reads and validates the package, including the signature of every RootCA certificate.</summary>
        public TrustedTpmPackage Read(string path)
        {
            var package = Read(path, verifyRootSignatures: false);
            VerifyRootSignatures(package);
            return package;
        }

        /// <summary>
        /// Reads and validates the package. Without <paramref name="verifyRootSignatures"/> a RootCA
        /// certificate is checked only for naming itself as its issuer, which needs no platform
        /// certificate object; <see cref="VerifyRootSignatures"/> does the rest before anything is written.
        /// </summary>
        public TrustedTpmPackage Read(string path, bool verifyRootSignatures)
        {
            if (verifyRootSignatures)
            {
                return Read(path);
            }

            if (Directory.Exists(path))
            {
                return ReadFolder(path, path);
            }

            if (File.Exists(path) && string.Equals(Path.GetExtension(path), ".cab", StringComparison.OrdinalIgnoreCase))
            {
                return ReadCabinet(path);
            }

            throw new InvalidPropertyValueException(PathProperty, path, Strings.Format(File.Exists(path) ? "PathNotFolderOrCab" : "PathNotFound", path));
        }

        private TrustedTpmPackage ReadCabinet(string cabinet)
        {
            var why = extractor.WhyUnavailable();
            if (why != null)
            {
                throw new InvalidPropertyValueException(PathProperty, cabinet, Strings.Format("CabinetNotExpandable", cabinet, why));
            }

            var temporary = Path.Combine(Path.GetTempPath(), "HgsDsc.TrustedTpm." + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temporary);
            try
            {
                log.Verbose(Strings.Format("ExpandingCabinet", cabinet, temporary));
                try
                {
                    extractor.Extract(cabinet, temporary);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
                {
                    throw new InvalidPropertyValueException(PathProperty, cabinet, Strings.Format("CabinetExpandFailed", cabinet, e.Message));
                }

                return ReadFolder(SingleWrappingFolder(temporary), cabinet);
            }
            finally
            {
                RemoveTemporary(temporary);
            }
        }

        /// <summary>A cabinet may wrap the package in one folder of its own; look inside it.</summary>
        private static string SingleWrappingFolder(string root)
        {
            var folders = Directory.GetDirectories(root);
            if (folders.Length == 1 && Directory.GetFiles(root).Length == 0 && !IsVendorFolder(folders[0]))
            {
                return folders[0];
            }

            return root;
        }

        private void RemoveTemporary(string temporary)
        {
            try
            {
                Directory.Delete(temporary, recursive: true);
                log.Verbose(Strings.Format("TemporaryRemoved", temporary));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                log.Warning(Strings.Format("TemporaryNotRemoved", temporary, e.Message));
            }
        }

        private TrustedTpmPackage ReadFolder(string root, string source)
        {
            foreach (var file in Directory.GetFiles(root).OrderBy(f => f, StringComparer.OrdinalIgnoreCase))
            {
                if (string.Equals(Path.GetFileName(file), "version.txt", StringComparison.OrdinalIgnoreCase))
                {
                    log.Verbose(Strings.Format("PackageVersion", ReadVersion(file)));
                }

                log.Verbose(Strings.Format("StrayFileIgnored", Path.GetFileName(file)));
            }

            var vendors = new List<string>();
            var certificates = new List<PackageCertificate>();
            foreach (var folder in Directory.GetDirectories(root).OrderBy(f => f, StringComparer.OrdinalIgnoreCase))
            {
                var vendor = Path.GetFileName(folder);
                if (!IsVendorFolder(folder))
                {
                    log.Verbose(Strings.Format("StrayFolderIgnored", vendor));
                    continue;
                }

                vendors.Add(vendor);
                certificates.AddRange(ReadVendor(folder, vendor, source));
            }

            if (vendors.Count == 0)
            {
                throw new InvalidPropertyValueException(PathProperty, source, Strings.Format("NoVendorFolders", source));
            }

            var package = new TrustedTpmPackage(source, vendors, certificates);
            log.Verbose(Strings.Format(
                "PackageRead",
                source,
                vendors.Count,
                certificates.Count(c => c.Store == TrustedTpmStore.RootCA),
                certificates.Count(c => c.Store == TrustedTpmStore.IntermediateCA)));
            return package;
        }

        private static bool IsVendorFolder(string folder) =>
            TrustedTpmStoreNames.All.Any(store => FindChild(folder, TrustedTpmStoreNames.PackageFolder(store)) != null);

        private static string? FindChild(string folder, string name) =>
            Directory.GetDirectories(folder).FirstOrDefault(d => string.Equals(Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase));

        private IEnumerable<PackageCertificate> ReadVendor(string folder, string vendor, string source)
        {
            var storeFolders = TrustedTpmStoreNames.All.ToDictionary(s => s, s => FindChild(folder, TrustedTpmStoreNames.PackageFolder(s)));
            foreach (var entry in Directory.GetFileSystemEntries(folder).OrderBy(e => e, StringComparer.OrdinalIgnoreCase))
            {
                if (!storeFolders.Values.Contains(entry))
                {
                    log.Verbose(Strings.Format("StrayFileIgnored", Path.Combine(vendor, Path.GetFileName(entry))));
                }
            }

            var result = new List<PackageCertificate>();
            foreach (var storeFolder in storeFolders.Where(s => s.Value != null))
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var relativeFolder = Path.Combine(vendor, Path.GetFileName(storeFolder.Value!));
                foreach (var entry in Directory.GetFileSystemEntries(storeFolder.Value!).OrderBy(e => e, StringComparer.OrdinalIgnoreCase))
                {
                    var relative = Path.Combine(relativeFolder, Path.GetFileName(entry));
                    if (Directory.Exists(entry) || !CertificateExtensions.Contains(Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase))
                    {
                        log.Verbose(Strings.Format("StrayFileIgnored", relative));
                        continue;
                    }

                    foreach (var certificate in ReadCertificateFile(entry, relative, source))
                    {
                        var packaged = new PackageCertificate(vendor, storeFolder.Key, relative, source, certificate);
                        if (storeFolder.Key == TrustedTpmStore.RootCA && !packaged.NamedAsOwnIssuer)
                        {
                            throw NotARoot(packaged, source, Strings.Format("IssuerIsNotSubject", packaged.Issuer));
                        }

                        if (seen.Add(packaged.Thumbprint))
                        {
                            result.Add(packaged);
                        }
                        else
                        {
                            log.Verbose(Strings.Format("DuplicateInFolder", relative, packaged.Thumbprint));
                        }
                    }
                }
            }

            return result;
        }

        private IReadOnlyList<DerCertificate> ReadCertificateFile(string file, string relative, string source)
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new InvalidPropertyValueException(PathProperty, source, Strings.Format("CertificateFileUnreadable", relative, source, e.Message));
            }

            try
            {
                return CertificateFileDecoder.Decode(content);
            }
            catch (InvalidCertificateFileException e)
            {
                throw Corrupt(relative, source, e, log);
            }
        }

        /// <summary>The error for a file that is not a certificate; the technical detail goes to Verbose only.</summary>
        internal static InvalidPropertyValueException Corrupt(string relative, string source, InvalidCertificateFileException reason, IDscLog log)
        {
            if (reason.Detail != null)
            {
                log.Verbose(Strings.Format("CertificateParseDetail", relative, reason.Detail));
            }

            return new InvalidPropertyValueException(PathProperty, source, Strings.Format("CorruptCertificateFile", relative, source, reason.Message));
        }

        /// <summary>
        /// Checks that every RootCA certificate of the package is signed by its own key. This needs
        /// the platform's certificate object and a signature verification per root, which only
        /// matters before certificates are written, so Test leaves it out (see the README).
        /// </summary>
        public void VerifyRootSignatures(TrustedTpmPackage package)
        {
            foreach (var root in package.Certificates.Where(c => c.Store == TrustedTpmStore.RootCA))
            {
                var verdict = SelfSignature.Check(root.Load(log));
                if (verdict != SelfSignedVerdict.SelfSigned)
                {
                    throw NotARoot(root, package.Source, verdict == SelfSignedVerdict.IssuerIsNotSubject
                        ? Strings.Format("IssuerIsNotSubject", root.Issuer)
                        : Strings.Format("SignatureNotByOwnKey"));
                }
            }
        }

        private static InvalidPropertyValueException NotARoot(PackageCertificate root, string source, string why) =>
            new InvalidPropertyValueException(
                PathProperty, source, Strings.Format("RootNotSelfSigned", root.RelativePath, source, root.Subject, root.Thumbprint, why));

        private static string ReadVersion(string file)
        {
            try
            {
                var first = File.ReadLines(file).FirstOrDefault()?.Trim() ?? string.Empty;
                return first.Length > 100 ? first.Substring(0, 100) : first;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return "(" + e.Message + ")";
            }
        }
    }
}
