using System.Collections;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.PowerShell;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;
using Xunit;
using static HgsDsc.Tests.Common.Security.DescriptorBytes;
using Resource = HgsDsc.Resources.HgsCertificateKeyAccess.HgsCertificateKeyAccess;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>
/// Certificate discovery with the real cmdlet implementation in a real runspace, against the stub
/// HgsKeyProtection cmdlets: the commands issued, live and deserialized output, and the resource
/// finding a renewed certificate through them.
/// </summary>
[Collection(HgsDsc.Tests.Conformance.EngineCollection.Name)]
public sealed class HgsCertificateCmdletsRunspaceTests : IDisposable
{
    private const string SigningThumbprint = "AA11223344556677889900AABBCCDDEEFF001122";
    private const string EncryptionThumbprint = "BB11223344556677889900AABBCCDDEEFF001122";
    private const string PfxThumbprint = "CC11223344556677889900AABBCCDDEEFF001122";
    private const string CommunicationsThumbprint = "DD11223344556677889900AABBCCDDEEFF001122";

    private readonly PowerShellSession session = new();

    public void Dispose() => session.Dispose();

    private static Hashtable Certificate(string? thumbprint, string type, bool enabled = true, string addedBy = "Thumbprint", X509Certificate2? certificate = null) => new()
    {
        ["Thumbprint"] = thumbprint,
        ["CertificateType"] = type,
        ["Enabled"] = enabled,
        ["Primary"] = true,
        ["AddedBy"] = addedBy,
        ["Certificate"] = certificate,
    };

    private void Stub(string shape, object[] certificates, Hashtable? communications = null, Hashtable? fail = null)
    {
        var settings = new Hashtable
        {
            ["KeyProtectionShape"] = shape,
            ["KeyProtectionCertificates"] = certificates,
            ["Fail"] = fail ?? new Hashtable(),
        };
        if (communications != null)
        {
            settings["CommunicationsCertificate"] = communications;
        }

        session.UseHgsStub(settings);
    }

    private static HgsCertificateCmdlets Cmdlets() => new(new RunspaceCommandInvoker());

    [Theory]
    [InlineData("Live")]
    [InlineData("Deserialized")]
    [InlineData("Flattened")]
    public void Lists_every_use_with_its_type_state_and_how_it_was_added(string shape)
    {
        Stub(
            shape,
            new object[]
            {
                Certificate(SigningThumbprint.ToLowerInvariant(), "Signing"),
                Certificate(EncryptionThumbprint, "Encryption", enabled: false),
                Certificate(PfxThumbprint, "Encryption", addedBy: "Pfx"),
            },
            new Hashtable { ["Thumbprint"] = CommunicationsThumbprint, ["AddedBy"] = "Thumbprint" });

        var uses = session.AsCaller(() => Cmdlets().GetCertificates());

        Assert.Equal(
            new[]
            {
                $"{SigningThumbprint} Signing True StoreReference",
                $"{EncryptionThumbprint} Encryption False StoreReference",
                $"{PfxThumbprint} Encryption True Pfx",
                $"{CommunicationsThumbprint} Communications True StoreReference",
            },
            uses.Select(u => $"{u.Thumbprint} {u.Type} {u.Enabled} {u.Origin}"));
        Assert.All(uses.Where(u => u.Origin == CertificateOrigin.StoreReference), u => Assert.EndsWith("CertificateReference", u.CertificateData));
        var calls = session.StubCalls();
        var parameters = calls.Single(c => c.Command == "Get-HgsKeyProtectionCertificate").Parameters.Keys.Cast<string>();
        Assert.DoesNotContain(parameters, p => p is "CertificateType" or "IsEnabled" or "IsPrimary" or "Thumbprint");
        Assert.Single(calls, c => c.Command == "Get-HgsKeyProtectionConfiguration");
    }

    [Theory]
    [InlineData("Live")]
    [InlineData("Deserialized")]
    [InlineData("Flattened")]
    public void Reads_the_thumbprint_of_a_real_communications_certificate(string shape)
    {
        using var communications = TestCertificates.Rsa(name: "HGS communications");
        Stub(shape, Array.Empty<object>(), new Hashtable { ["Thumbprint"] = null, ["Certificate"] = communications, ["AddedBy"] = "Thumbprint" });

        var use = Assert.Single(session.AsCaller(() => Cmdlets().GetCertificates()));

        Assert.Equal(communications.Thumbprint, use.Thumbprint);
        Assert.Equal(CertificateType.Communications, use.Type);
    }

    [Fact]
    public void A_node_without_a_communications_certificate_reports_only_the_key_certificates()
    {
        Stub("Live", new object[] { Certificate(SigningThumbprint, "Signing") });

        Assert.Equal(new[] { SigningThumbprint }, session.AsCaller(() => Cmdlets().GetCertificates()).Select(u => u.Thumbprint));
        Assert.True(session.AsCaller(() => Cmdlets().IsAvailable()));
    }

    [Fact]
    public void A_node_without_the_HGS_role_has_no_certificate_source_and_All_cannot_be_checked_there()
    {
        Assert.False(session.AsCaller(() => Cmdlets().IsAvailable()));

        var error = Assert.Throws<NodePrerequisiteException>(() => session.AsCaller(() => Cmdlets().GetCertificates()));

        Assert.Contains("Get-HgsKeyProtectionCertificate", error.Message);
    }

    [Fact]
    public void A_failing_cmdlet_surfaces_with_its_own_message()
    {
        Stub("Live", Array.Empty<object>(), fail: new Hashtable { ["Get-HgsKeyProtectionCertificate"] = "The Host Guardian Service is not configured." });

        var error = Assert.Throws<NodeOperationException>(() => session.AsCaller(() => Cmdlets().GetCertificates()));

        Assert.Equal("CommandFailed", error.ErrorId);
        Assert.Contains("not configured", error.Message);
    }

    [Fact]
    public void A_certificate_without_a_readable_thumbprint_is_a_clear_error()
    {
        Stub("Live", new object[] { Certificate("not a thumbprint", "Signing") });

        var error = Assert.Throws<NodeOperationException>(() => session.AsCaller(() => Cmdlets().GetCertificates()));

        Assert.Equal("UnreadableHgsCertificate", error.ErrorId);
        Assert.Contains("not a thumbprint", error.Message);
        Assert.Contains("Get-HgsKeyProtectionCertificate", error.Message);
    }

    [Theory]
    [InlineData("Live")]
    [InlineData("Flattened")]
    public void A_certificate_without_any_thumbprint_is_a_clear_error_that_says_so(string shape)
    {
        Stub(shape, new object[] { Certificate(null, "Signing") });

        var error = Assert.Throws<NodeOperationException>(() => session.AsCaller(() => Cmdlets().GetCertificates()));

        Assert.Equal("UnreadableHgsCertificate", error.ErrorId);
        Assert.Contains("returned a certificate without Thumbprint", error.Message);
        Assert.Contains("(HCK0046)", error.Message);
    }

    [Fact]
    public void The_thumbprint_is_read_from_the_text_of_a_flattened_certificate()
    {
        using var certificate = TestCertificates.Rsa(name: "HGS communications");
        var windowsText = certificate.ToString().Replace("\r\n", "\n").Replace("\n", "\r\n");

        Assert.Equal(certificate.Thumbprint, HgsCertificateCmdlets.ThumbprintInCertificateText(windowsText));
        Assert.Equal(certificate.Thumbprint, HgsCertificateCmdlets.ThumbprintInCertificateText(new System.Management.Automation.PSObject(certificate.ToString())));
        Assert.Null(HgsCertificateCmdlets.ThumbprintInCertificateText("[Thumbprint]\r\n  \r\n"));
        Assert.Null(HgsCertificateCmdlets.ThumbprintInCertificateText(certificate));
    }

    [Theory]
    [InlineData("Deserialized")]
    [InlineData("Flattened")]
    public void The_resource_grants_access_to_what_HGS_reports_and_to_a_renewed_certificate_on_the_next_run(string shape)
    {
        using var signing = TestCertificates.Rsa(name: "HGS signing");
        using var encryption = TestCertificates.Rsa(name: "HGS encryption");
        using var renewed = TestCertificates.Rsa(name: "HGS encryption renewed");
        var node = new FakeKeys();
        var keys = new[] { signing, encryption, renewed }.Select(c => node.Install(c, MachineKeyDescriptor())).ToArray();
        var accounts = Substitute.For<IAccountResolver>();
        accounts.Resolve(@"CONTOSO\hgs-gmsa$", "Account").Returns(Gmsa);
        var identity = Substitute.For<IKeyProtectionIdentity>();
        identity.GetAppPoolIdentity().Returns(@"CONTOSO\hgs-gmsa$");
        Resource Desired() => new(Cmdlets(), node.Store, node.Security, accounts, identity, () => TestCertificates.Now) { Thumbprint = "All" };
        Stub(shape, new object[] { Certificate(signing.Thumbprint, "Signing"), Certificate(encryption.Thumbprint, "Encryption") });

        session.AsCaller(() => Desired().Set());
        Assert.Single(keys[0].Writes);
        Assert.Single(keys[1].Writes);
        Assert.Empty(keys[2].Writes);
        Assert.True(session.AsCaller(() => Desired().Test()));

        session.Run("$global:HgsStub.KeyProtectionCertificates += $args[0]", Certificate(renewed.Thumbprint, "Encryption"));
        var state = session.AsCaller(() => Desired().Get());
        session.AsCaller(() => Desired().Set());

        Assert.Contains(renewed.Thumbprint, Assert.Single(state.Reasons!).Phrase);
        Assert.Single(keys[0].Writes);
        Assert.Single(keys[2].Writes);
        Assert.True(session.AsCaller(() => Desired().Test()));
    }
}
