using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>
/// Writes platform identifier files the way Get-PlatformIdentifier does (root PlatformIdentifiers
/// in its documented namespace, ForeignKey, machine data, the EK as base64), saved like
/// '.InnerXml | Out-File -Encoding UTF8' (with a byte order mark).
/// </summary>
public static class PlatformIdentifierXml
{
    public const string Namespace = "http://microsoft.com/windows/ptp/platformidentifier/2016/04";

    /// <param name="ekCertElement">The element name for the EKcert; null leaves it out, "" writes it empty (a non-elevated run).</param>
    public static string Write(string folder, string hostName, X509Certificate2? ekCertificate, string? ekCertElement = "EKCert", Encoding? encoding = null, string? rawEkCert = null)
    {
        var ek = new StringBuilder();
        ek.Append("<EKPub>").Append(ekCertificate == null ? "AAEACwADALIAIINx" : Convert.ToBase64String(ekCertificate.PublicKey.ExportSubjectPublicKeyInfo())).Append("</EKPub>");
        if (ekCertElement != null)
        {
            var name = ekCertElement.Length == 0 ? "EKCert" : ekCertElement;
            var content = ekCertElement.Length == 0 ? string.Empty : rawEkCert ?? Wrap(Convert.ToBase64String(ekCertificate!.RawData));
            ek.Append('<').Append(name).Append('>').Append(content).Append("</").Append(name).Append('>');
        }

        var xml =
            "<PlatformIdentifiers xmlns=\"" + Namespace + "\">" +
            "<PlatformIdMessages />" +
            "<Version>1.0.0.0</Version>" +
            "<ForeignKey>" + hostName + "</ForeignKey>" +
            "<MachineGuid>67F8C025-DE98-47EB-A1B2-0123456789AB</MachineGuid>" +
            "<SerialNumber>HGSDSC-TEST-0001</SerialNumber>" +
            "<SmbiosGuid>4C4C4544-0042-3010-8036-B4C04F4E4B32</SmbiosGuid>" +
            "<MacAddresses><MacAddress>00-15-5D-01-02-03</MacAddress></MacAddresses>" +
            ek +
            "</PlatformIdentifiers>";

        var path = Path.Combine(folder, hostName + ".xml");
        File.WriteAllText(path, xml, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    /// <summary>Base64 in lines, as XML serialisers of binary data often write it.</summary>
    private static string Wrap(string base64) =>
        string.Join("\r\n", Enumerable.Range(0, (base64.Length + 75) / 76).Select(i => base64.Substring(i * 76, Math.Min(76, base64.Length - (i * 76)))));
}
