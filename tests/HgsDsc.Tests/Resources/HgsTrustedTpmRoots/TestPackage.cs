using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HgsDsc.Tests.Resources.HgsTrustedTpmRoots;

/// <summary>How a test writes a certificate file.</summary>
public enum CertificateEncoding
{
    Der,
    Pem,
}

/// <summary>
/// A Trusted TPM root certificate package tree on disk, laid out like the extracted
/// TrustedTpm.cab (setup files at the top, vendor folders with RootCA and IntermediateCA),
/// deleted when disposed.
/// </summary>
public sealed class TestPackage : IDisposable
{
    public TestPackage()
    {
        Root = Path.Combine(Path.GetTempPath(), "HgsDsc.Tests.Package." + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "setup.ps1"), "# installs the certificates\n");
        File.WriteAllText(Path.Combine(Root, "setup.cmd"), "@echo off\n");
        File.WriteAllText(Path.Combine(Root, "version.txt"), "1.0.0.42\n");
    }

    public string Root { get; }

    public string AddRoot(string vendor, X509Certificate2 certificate, CertificateEncoding encoding = CertificateEncoding.Der, string? fileName = null) =>
        Write(vendor, "RootCA", fileName ?? FileName(certificate, encoding), Encode(encoding, certificate));

    public string AddIntermediate(string vendor, X509Certificate2 certificate, CertificateEncoding encoding = CertificateEncoding.Der, string? fileName = null) =>
        Write(vendor, "IntermediateCA", fileName ?? FileName(certificate, encoding), Encode(encoding, certificate));

    /// <summary>Any file, relative to the package root.</summary>
    public string AddFile(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Remove(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public static byte[] Encode(CertificateEncoding encoding, params X509Certificate2[] certificates) =>
        encoding == CertificateEncoding.Der
            ? certificates.Single().RawData
            : Encoding.ASCII.GetBytes(string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static string FileName(X509Certificate2 certificate, CertificateEncoding encoding) =>
        certificate.GetNameInfo(X509NameType.SimpleName, false).Replace(' ', '_') + (encoding == CertificateEncoding.Der ? ".cer" : ".crt");

    private string Write(string vendor, string folder, string fileName, byte[] content) =>
        AddFile(Path.Combine(vendor, folder, fileName), content);
}
