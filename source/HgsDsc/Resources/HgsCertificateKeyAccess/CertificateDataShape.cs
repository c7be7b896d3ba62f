using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// Reads how HGS holds a certificate from the CertificateData of its cmdlets, in every shape it
    /// arrives in: the live object, a deserialized one ('Deserialized.' type names), or the bare
    /// type name a serializer leaves of it past its depth (Windows PowerShell compatibility in
    /// PowerShell 7 serializes to depth 1). Only a positive sign of a PFX file lets a certificate be
    /// skipped; anything not understood counts as added by thumbprint.
    /// </summary>
    /// <remarks>
    /// HGS documents neither type. The cmdlets that add certificates name their two parameter sets
    /// CertificateReference (-Thumbprint) and FullCertificate (-CertificatePath, "a full
    /// certificate stored in a file as a pfx"); the first is the known type name of a reference,
    /// so FullCertificate is taken for the PFX one, as is any type name that says Pfx.
    /// </remarks>
    public static class CertificateDataShape
    {
        private const string ReferenceTypeName = "CertificateReference";
        private const string FullCertificateTypeName = "FullCertificate";
        private const string PfxMark = "Pfx";
        private const string DeserializedPrefix = "Deserialized.";

        private static readonly Regex TypeNameText = new Regex(@"^[A-Za-z_][\w.+`]*$", RegexOptions.CultureInvariant);

        public static CertificateOrigin Origin(object? certificateData)
        {
            var names = TypeNamesOf(certificateData);
            if (names.Any(n => LastSegment(n).IndexOf(PfxMark, StringComparison.OrdinalIgnoreCase) >= 0
                || n.EndsWith(FullCertificateTypeName, StringComparison.OrdinalIgnoreCase)))
            {
                return CertificateOrigin.Pfx;
            }

            if (names.Any(n => n.EndsWith(ReferenceTypeName, StringComparison.OrdinalIgnoreCase))
                || (!(PSObjectReader.Unwrap(certificateData) is string) && PSObjectReader.Property(certificateData, "StoreName") != null))
            {
                return CertificateOrigin.StoreReference;
            }

            return CertificateOrigin.Unrecognized;
        }

        /// <summary>What the data looked like, for the verbose stream: its first type name or its text; null when there was none.</summary>
        public static string? Describe(object? certificateData)
        {
            switch (PSObjectReader.Unwrap(certificateData))
            {
                case null:
                    return null;
                case string text:
                    return text.Trim();
                default:
                    return PSObject.AsPSObject(certificateData).TypeNames.FirstOrDefault();
            }
        }

        private static IReadOnlyList<string> TypeNamesOf(object? certificateData)
        {
            IEnumerable<string> names;
            switch (PSObjectReader.Unwrap(certificateData))
            {
                case null:
                    return new string[0];
                case string text:
                    // Past the serializer's depth only ToString() is left, which for these types is their full name.
                    names = new[] { text.Trim() };
                    break;
                default:
                    names = PSObject.AsPSObject(certificateData).TypeNames
                        .Select(n => n.StartsWith(DeserializedPrefix, StringComparison.Ordinal) ? n.Substring(DeserializedPrefix.Length) : n);
                    break;
            }

            // Free text that merely mentions a PFX file is no proof; only a type name counts.
            return names.Where(n => TypeNameText.IsMatch(n)).ToArray();
        }

        private static string LastSegment(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);
    }
}
