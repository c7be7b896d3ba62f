using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using HgsDsc.Common;
using HgsDsc.Common.Hgs;
using HgsDsc.Common.Localization;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The real <see cref="IHgsCertificateSource"/>: Get-HgsKeyProtectionCertificate and
    /// Get-HgsKeyProtectionConfiguration (module HgsKeyProtection, installed with the HGS role),
    /// read with <see cref="PSObjectReader"/> so that deserialized output reads the same. Under
    /// Windows PowerShell compatibility in PowerShell 7 the output is serialized to depth 1, so
    /// CertificateData and a nested certificate may arrive as their text only: see
    /// <see cref="CertificateDataShape"/> and <see cref="ThumbprintInCertificateText"/>.
    /// </summary>
    public sealed class HgsCertificateCmdlets : IHgsCertificateSource
    {
        internal const string CertificatesCommand = "Get-HgsKeyProtectionCertificate";
        internal const string ConfigurationCommand = "Get-HgsKeyProtectionConfiguration";

        private static readonly Regex ThumbprintSection =
            new Regex(@"\[Thumbprint\][ \t]*\r?\n[ \t]*(?<thumbprint>[0-9A-Fa-f][0-9A-Fa-f ]*)", RegexOptions.CultureInvariant);

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
                var typeText = NullIfBlank(PSObjectReader.PropertyText(item, "CertificateType"));
                var type = ParseType(typeText) ?? throw Unreadable(CertificatesCommand, "CertificateType", typeText);
                var data = PSObjectReader.Property(item, "CertificateData");
                uses.Add(new HgsCertificateUse(
                    ReadThumbprint(item, PSObjectReader.Property(item, "Certificate"), CertificatesCommand),
                    type,
                    PSObjectReader.PropertyBool(item, "Enabled") ?? true,
                    CertificateDataShape.Origin(data),
                    CertificateDataShape.Describe(data)));
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

                    var data = PSObjectReader.Property(configuration, "CommunicationsCertificateData");
                    uses.Add(new HgsCertificateUse(
                        ReadThumbprint(certificate, certificate, ConfigurationCommand),
                        CertificateType.Communications,
                        true,
                        CertificateDataShape.Origin(data),
                        CertificateDataShape.Describe(data)));
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
        /// The thumbprint in the text of a certificate that a serializer flattened to its
        /// ToString(), which for an X509Certificate2 has a section "[Thumbprint]" followed by it.
        /// </summary>
        internal static string? ThumbprintInCertificateText(object? certificate)
        {
            if (!(PSObjectReader.Unwrap(certificate) is string text))
            {
                return null;
            }

            var match = ThumbprintSection.Match(text);
            return match.Success ? match.Groups["thumbprint"].Value : null;
        }

        private static string ReadThumbprint(object item, object? certificate, string command)
        {
            var text = NullIfBlank(PSObjectReader.PropertyText(item, "Thumbprint"))
                ?? NullIfBlank(PSObjectReader.PropertyText(certificate, "Thumbprint"))
                ?? ThumbprintInCertificateText(certificate);
            return CertificateThumbprint.Normalize(text) ?? throw Unreadable(command, "Thumbprint", text);
        }

        private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        private static NodeOperationException Unreadable(string command, string property, string? value) =>
            new NodeOperationException(
                "UnreadableHgsCertificate",
                value == null
                    ? Strings.Format("UnreadableHgsCertificateMissing", command, property)
                    : Strings.Format("UnreadableHgsCertificate", command, property, value));
    }
}
