using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Common.Hgs;
using HgsDsc.Common.Localization;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The real <see cref="IHgsCertificateSource"/>: Get-HgsKeyProtectionCertificate and
    /// Get-HgsKeyProtectionConfiguration (module HgsKeyProtection, installed with the HGS role),
    /// read with <see cref="PSObjectReader"/> so that deserialized output reads the same.
    /// </summary>
    public sealed class HgsCertificateCmdlets : IHgsCertificateSource
    {
        internal const string CertificatesCommand = "Get-HgsKeyProtectionCertificate";
        internal const string ConfigurationCommand = "Get-HgsKeyProtectionConfiguration";

        private readonly ICommandInvoker invoker;

        public HgsCertificateCmdlets(ICommandInvoker invoker)
        {
            this.invoker = invoker;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsCertificateKeyAccess));

        public bool IsAvailable() => invoker.CommandExists(CertificatesCommand, HgsModule.Name);

        public IReadOnlyList<HgsCertificateUse> GetCertificates()
        {
            HgsModule.AssertAvailable(invoker, CertificatesCommand);
            var uses = new List<HgsCertificateUse>();
            foreach (var item in invoker.Invoke(CertificatesCommand))
            {
                var type = ParseType(PSObjectReader.PropertyText(item, "CertificateType"));
                if (type == null)
                {
                    throw new NodeOperationException(
                        "UnreadableHgsCertificate",
                        Strings.Format("UnreadableHgsCertificate", CertificatesCommand, "CertificateType", PSObjectReader.PropertyText(item, "CertificateType") ?? "(none)"));
                }

                uses.Add(new HgsCertificateUse(
                    ReadThumbprint(item, PSObjectReader.Property(item, "Certificate"), CertificatesCommand),
                    type.Value,
                    PSObjectReader.PropertyBool(item, "Enabled") ?? true,
                    IsReferenceToStore(PSObjectReader.Property(item, "CertificateData"))));
            }

            if (invoker.CommandExists(ConfigurationCommand, HgsModule.Name))
            {
                foreach (var configuration in invoker.Invoke(ConfigurationCommand))
                {
                    var certificate = PSObjectReader.Property(configuration, "CommunicationsCertificate");
                    if (certificate == null)
                    {
                        continue;
                    }

                    uses.Add(new HgsCertificateUse(
                        ReadThumbprint(certificate, certificate, ConfigurationCommand),
                        CertificateType.Communications,
                        true,
                        IsReferenceToStore(PSObjectReader.Property(configuration, "CommunicationsCertificateData"))));
                }
            }

            return uses;
        }

        internal static CertificateType? ParseType(string? text)
        {
            foreach (var name in Enum.GetNames(typeof(CertificateType)))
            {
                if (string.Equals(name, (text ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return (CertificateType)Enum.Parse(typeof(CertificateType), name);
                }
            }

            return null;
        }

        /// <summary>
        /// Whether HGS holds the certificate as a reference to LocalMachine\My (added by thumbprint).
        /// The type name CertificateReference is what HGS reports; a StoreName is accepted too, and
        /// missing data is treated as a reference, so that a key is never skipped by mistake.
        /// </summary>
        internal static bool IsReferenceToStore(object? certificateData)
        {
            if (certificateData == null)
            {
                return true;
            }

            var wrapped = PSObject.AsPSObject(certificateData);
            return wrapped.TypeNames.Any(t => t.EndsWith("CertificateReference", StringComparison.OrdinalIgnoreCase))
                || PSObjectReader.Property(certificateData, "StoreName") != null;
        }

        private static string ReadThumbprint(object item, object? certificate, string command)
        {
            var text = PSObjectReader.PropertyText(item, "Thumbprint") ?? PSObjectReader.PropertyText(certificate, "Thumbprint");
            return CertificateThumbprint.Normalize(text)
                ?? throw new NodeOperationException(
                    "UnreadableHgsCertificate", Strings.Format("UnreadableHgsCertificate", command, "Thumbprint", text ?? "(none)"));
        }
    }
}
