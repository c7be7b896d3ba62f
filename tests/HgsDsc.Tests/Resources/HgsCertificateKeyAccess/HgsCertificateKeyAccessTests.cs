using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.Security;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using HgsDsc.Tests.Infrastructure;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;
using static HgsDsc.Tests.Common.Security.DescriptorBytes;
using Resource = HgsDsc.Resources.HgsCertificateKeyAccess.HgsCertificateKeyAccess;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>The logic of HgsCertificateKeyAccess against substitute HGS cmdlets, store, key providers and accounts.</summary>
public sealed class HgsCertificateKeyAccessTests
{
    private const string GmsaName = @"CONTOSO\hgs-gmsa$";

    private static readonly Lazy<X509Certificate2> SigningCertificate = new(() => TestCertificates.Rsa(name: "HGS signing"));
    private static readonly Lazy<X509Certificate2> EncryptionCertificate = new(() => TestCertificates.Rsa(name: "HGS encryption"));
    private static readonly Lazy<X509Certificate2> CommunicationsCertificate = new(() => TestCertificates.Rsa(name: "HGS communications"));
    private static readonly Lazy<X509Certificate2> RenewedEncryptionCertificate = new(() => TestCertificates.Rsa(name: "HGS encryption 2027"));
    private static readonly Lazy<X509Certificate2> WeakCertificate = new(() => TestCertificates.Rsa(1024, X509KeyUsageFlags.DigitalSignature, name: "HGS weak"));

    private readonly IHgsCertificateSource hgs = Substitute.For<IHgsCertificateSource>();
    private readonly IAccountResolver accounts = Substitute.For<IAccountResolver>();
    private readonly IKeyProtectionIdentity keyProtection = Substitute.For<IKeyProtectionIdentity>();
    private readonly FakeKeys node = new();
    private readonly RecordingLog log = new();

    public HgsCertificateKeyAccessTests()
    {
        accounts.Resolve(GmsaName, "Account").Returns(Gmsa);
        accounts.TryGetName(Gmsa).Returns(GmsaName);
        keyProtection.GetAppPoolIdentity().Returns(GmsaName);
        hgs.IsAvailable().Returns(true);
        hgs.GetCertificates().Returns(Array.Empty<HgsCertificateUse>());
    }

    private static X509Certificate2 Signing => SigningCertificate.Value;

    private static X509Certificate2 Encryption => EncryptionCertificate.Value;

    private static byte[] NotGranted => MachineKeyDescriptor();

    private static byte[] Granted => MachineKeyDescriptor(Allow(Gmsa, KeyReadAccess.GenericRead));

    private Resource Desired(string thumbprint, CertificateType? type = null, string? account = GmsaName, bool? requireKsp = null)
    {
        var resource = new Resource(hgs, node.Store, node.Security, accounts, keyProtection, () => TestCertificates.Now)
        {
            Thumbprint = thumbprint,
            CertificateType = type,
            Account = account,
            RequireKeyStorageProvider = requireKsp,
        };
        resource.AttachLog(log);
        return resource;
    }

    private void HgsUses(params HgsCertificateUse[] uses) => hgs.GetCertificates().Returns(uses);

    private static HgsCertificateUse Use(X509Certificate2 certificate, CertificateType type, bool enabled = true, bool byThumbprint = true) =>
        new(certificate.Thumbprint, type, enabled, byThumbprint ? CertificateOrigin.StoreReference : CertificateOrigin.Pfx);

    private static IEnumerable<SecurityDescriptor> Parsed(FakeKeys.Key key) => key.Writes.Select(SecurityDescriptor.Parse);

    [Fact]
    public void A_key_the_account_can_read_is_in_the_desired_state()
    {
        node.Install(Signing, Granted);

        var resource = Desired(Signing.Thumbprint, CertificateType.Signing);
        var state = resource.Get();

        Assert.True(Desired(Signing.Thumbprint, CertificateType.Signing).Test());
        Assert.Empty(state.Reasons!);
        Assert.Equal(new[] { Signing.Thumbprint }, state.Certificates);
        Assert.True(state.AccessGranted);
        Assert.True(state.RequirementsMet);
        Assert.Contains(GmsaName, state.Account);
        Assert.Contains(Gmsa.Value, state.Account);
        var finding = Assert.Single(state.Findings!);
        Assert.Contains(Signing.Thumbprint, finding);
        Assert.Contains("Granted", finding);
        Assert.Contains(FakeKeys.SoftwareKsp, finding);
    }

    [Fact]
    public void A_key_without_a_grant_gives_a_reason_naming_the_account_and_the_certificate_and_Get_and_Test_write_nothing()
    {
        var key = node.Install(Signing, NotGranted);

        var state = Desired(Signing.Thumbprint, CertificateType.Signing).Get();
        Assert.False(Desired(Signing.Thumbprint, CertificateType.Signing).Test());

        var reason = Assert.Single(state.Reasons!);
        Assert.Equal("HgsCertificateKeyAccess:HgsCertificateKeyAccess:AccessGranted", reason.Code);
        Assert.Contains(GmsaName, reason.Phrase);
        Assert.Contains(Signing.Thumbprint, reason.Phrase);
        Assert.Contains("Signing", reason.Phrase);
        Assert.False(state.AccessGranted);
        Assert.True(state.RequirementsMet);
        Assert.Empty(key.Writes);
        Assert.Equal(0, key.OpenHandles);
    }

    [Fact]
    public void Set_grants_Read_only_and_keeps_every_other_entry_in_canonical_order()
    {
        var deny = Deny(OtherAccount, 0x80000000);
        var inherited = Allow(Everyone, 0x120089, 0x10);
        var key = node.Install(Signing, Descriptor(Administrators, dacl: Acl(2, deny, Allow(LocalSystem, 0x10000000), Allow(Administrators, 0x10000000), inherited)));

        Desired(Signing.Thumbprint, CertificateType.Signing).Set();

        var written = Assert.Single(key.Writes);
        var expected = Descriptor(Administrators, dacl: Acl(2, deny, Allow(LocalSystem, 0x10000000), Allow(Administrators, 0x10000000), Allow(Gmsa, 0x80000000), inherited));
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(written));
        Assert.Contains(log.Verbose, m => m.Contains("Granting") && m.Contains("0x80000000"));
        Assert.True(Desired(Signing.Thumbprint, CertificateType.Signing).Test());
        Assert.Equal(0, key.OpenHandles);
    }

    [Fact]
    public void Set_twice_writes_once()
    {
        var key = node.Install(Signing, NotGranted);

        Desired(Signing.Thumbprint, CertificateType.Signing).Set();
        Desired(Signing.Thumbprint, CertificateType.Signing).Set();

        Assert.Single(key.Writes);
        Assert.Contains(log.Verbose, m => m.Contains("already in the desired state"));
    }

    [Fact]
    public void A_CryptoAPI_key_is_an_unmet_requirement_by_default_and_Set_lists_it_and_changes_nothing()
    {
        var key = node.Install(Signing, NotGranted, KeyProviderKind.Capi, "Microsoft Enhanced RSA and AES Cryptographic Provider");

        var state = Desired(Signing.Thumbprint, CertificateType.Signing).Get();
        var error = Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());

        Assert.False(Desired(Signing.Thumbprint, CertificateType.Signing).Test());
        Assert.False(state.RequirementsMet);
        Assert.True(state.RequireKeyStorageProvider);
        var reason = Assert.Single(state.Reasons!, r => r.Code!.EndsWith(":RequirementsMet"));
        Assert.Contains("Microsoft Enhanced RSA and AES Cryptographic Provider", reason.Phrase);
        Assert.Contains("Key Storage Provider", reason.Phrase);
        Assert.Contains("RequireKeyStorageProvider", reason.Phrase);
        Assert.Contains("KeyStorageProvider", Assert.Single(state.Findings!));
        Assert.Contains(Signing.Thumbprint + " was not changed", error.Message);
        Assert.Contains("Key Storage Provider", error.Message);
        Assert.Contains("nothing was changed", error.Message);
        Assert.Empty(key.Writes);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void A_CNG_key_meets_the_provider_requirement()
    {
        node.Install(Signing, Granted, KeyProviderKind.Cng, "Contoso HSM Key Storage Provider");

        Assert.True(Desired(Signing.Thumbprint, CertificateType.Signing).Test());
    }

    [Fact]
    public void With_the_provider_requirement_turned_off_a_CryptoAPI_key_gets_the_CryptoAPI_read_rights_and_a_warning_once_recommending_a_Key_Storage_Provider()
    {
        var key = node.Install(Signing, NotGranted, KeyProviderKind.Capi, "Microsoft Enhanced RSA and AES Cryptographic Provider");

        Desired(Signing.Thumbprint, CertificateType.Signing, requireKsp: false).Set();

        var entries = Parsed(key).Single().Dacl!.Entries;
        Assert.Equal(0x00120089u, entries.Single(e => e.Sid == Gmsa).Mask);
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("Key Storage Provider", warning);
        Assert.Contains("Microsoft Enhanced RSA and AES Cryptographic Provider", warning);
        Assert.True(Desired(Signing.Thumbprint, CertificateType.Signing, requireKsp: false).Test());
        Assert.False(Desired(Signing.Thumbprint, CertificateType.Signing).Test());
    }

    [Fact]
    public void An_explicit_deny_is_reported_and_Set_fails_naming_the_account_and_changes_nothing()
    {
        var key = node.Install(Signing, MachineKeyDescriptor(Deny(Gmsa, 0x80000000), Allow(Gmsa, 0x80000000)));

        var state = Desired(Signing.Thumbprint, CertificateType.Signing).Get();
        var error = Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());

        Assert.Contains("Deny", Assert.Single(state.Reasons!).Phrase);
        Assert.Contains(GmsaName, error.Message);
        Assert.Contains("Deny", error.Message);
        Assert.Contains("never removes", error.Message);
        Assert.Contains("nothing was changed", error.Message);
        Assert.Empty(key.Writes);
    }

    [Fact]
    public void A_provider_that_cannot_grant_per_account_access_is_reported_with_its_vendor_s_note_never_as_compliant()
    {
        var key = node.Install(Signing, NotGranted, KeyProviderKind.Cng, "SafeNet Key Storage Provider");
        key.ReadFailure = new PrivateKeyAccessException(PrivateKeyProblem.ProviderCannotSetAccess, unchecked((int)0x80090029), "NCryptGetProperty(Security Descr): 0x80090029 not supported");

        var state = Desired(Signing.Thumbprint, CertificateType.Signing).Get();
        var error = Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());

        Assert.False(state.AccessGranted);
        var reason = Assert.Single(state.Reasons!);
        Assert.Equal("HgsCertificateKeyAccess:HgsCertificateKeyAccess:AccessGranted", reason.Code);
        Assert.Contains("SafeNet Key Storage Provider", reason.Phrase);
        Assert.Contains("0xa0", reason.Phrase);
        Assert.DoesNotContain("Utimaco", reason.Phrase);
        Assert.Contains("0xa0", error.Message);
        Assert.Empty(key.Writes);
        Assert.Contains("ProviderCannotSetAccess", Assert.Single(state.Findings!));
    }

    [Fact]
    public void A_provider_that_reads_the_access_list_but_refuses_to_write_it_fails_Set_with_every_vendor_note()
    {
        var key = node.Install(Signing, NotGranted, KeyProviderKind.Cng, "Contoso HSM Key Storage Provider");
        key.WriteFailure = new PrivateKeyAccessException(PrivateKeyProblem.ProviderCannotSetAccess, unchecked((int)0x80090029), "NCryptSetProperty(Security Descr): 0x80090029 not supported");

        var error = Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());

        Assert.Contains("Contoso HSM Key Storage Provider", error.Message);
        Assert.Contains("SafeNet", error.Message);
        Assert.Contains("nShield", error.Message);
        Assert.Contains("Utimaco", error.Message);
        Assert.Empty(key.Writes);
        Assert.Equal(0, key.OpenHandles);
    }

    [Fact]
    public void A_Microsoft_software_provider_that_refuses_the_write_is_a_plain_failure_without_HSM_vendor_notes()
    {
        var key = node.Install(Signing, NotGranted);
        const int BadFlags = unchecked((int)0x80090009);
        key.WriteFailure = new PrivateKeyAccessException(
            PrivateKeyErrors.Classify(BadFlags, KeyOperation.WriteSecurity, FakeKeys.SoftwareKsp), BadFlags, "NCryptSetProperty(Security Descr): 0x80090009 Invalid flags specified.");

        var error = Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());

        Assert.Contains("Read was not granted", error.Message);
        Assert.Contains("0x80090009", error.Message);
        Assert.Contains(FakeKeys.SoftwareKsp, error.Message);
        Assert.DoesNotContain("cannot grant access to a single account", error.Message);
        Assert.DoesNotContain("SafeNet", error.Message);
        Assert.DoesNotContain("nShield", error.Message);
        Assert.Empty(key.Writes);
    }

    [Fact]
    public void All_covers_the_signing_encryption_and_communications_certificates_added_by_thumbprint()
    {
        var pfx = TestCertificates.Rsa(name: "HGS from PFX");
        var disabled = TestCertificates.Rsa(name: "HGS disabled");
        HgsUses(
            Use(Signing, CertificateType.Signing),
            Use(Encryption, CertificateType.Encryption),
            Use(CommunicationsCertificate.Value, CertificateType.Communications),
            Use(pfx, CertificateType.Signing, byThumbprint: false),
            Use(disabled, CertificateType.Encryption, enabled: false));
        var signingKey = node.Install(Signing, Granted);
        var encryptionKey = node.Install(Encryption, NotGranted);
        var communicationsKey = node.Install(CommunicationsCertificate.Value, NotGranted);

        var state = Desired("All", account: null).Get();

        Assert.Equal(new[] { Signing.Thumbprint, Encryption.Thumbprint, CommunicationsCertificate.Value.Thumbprint }, state.Certificates);
        Assert.Equal(2, state.Reasons!.Length);
        Assert.Contains(log.Verbose, m => m.Contains(pfx.Thumbprint) && m.Contains("PFX"));
        Assert.Contains(log.Verbose, m => m.Contains(disabled.Thumbprint) && m.Contains("disabled"));
        node.Store.DidNotReceive().Find(pfx.Thumbprint);

        Desired("All", account: null).Set();

        Assert.Empty(signingKey.Writes);
        Assert.Single(encryptionKey.Writes);
        Assert.Single(communicationsKey.Writes);
        Assert.True(Desired("All", account: null).Test());
        keyProtection.Received().GetAppPoolIdentity();
    }

    [Fact]
    public void All_picks_up_a_renewed_certificate_without_a_change_to_the_configuration()
    {
        node.Install(Signing, Granted);
        node.Install(Encryption, Granted);
        var renewed = node.Install(RenewedEncryptionCertificate.Value, NotGranted);
        HgsUses(Use(Signing, CertificateType.Signing), Use(Encryption, CertificateType.Encryption));
        Assert.True(Desired("All").Test());

        HgsUses(
            Use(Signing, CertificateType.Signing),
            Use(Encryption, CertificateType.Encryption),
            Use(RenewedEncryptionCertificate.Value, CertificateType.Encryption));
        var state = Desired("All").Get();
        Desired("All").Set();

        Assert.Contains(RenewedEncryptionCertificate.Value.Thumbprint, Assert.Single(state.Reasons!).Phrase);
        Assert.Single(renewed.Writes);
        Assert.True(Desired("All").Test());
    }

    [Fact]
    public void A_certificate_HGS_uses_for_signing_and_encryption_is_checked_once_for_both()
    {
        HgsUses(Use(Signing, CertificateType.Signing), Use(Signing, CertificateType.Encryption));
        var key = node.Install(Signing, NotGranted);

        var state = Desired("All").Get();
        Desired("All").Set();

        Assert.Equal(new[] { Signing.Thumbprint }, state.Certificates);
        Assert.Contains("Signing, Encryption", Assert.Single(state.Reasons!).Phrase);
        Assert.Single(key.Writes);
    }

    [Fact]
    public void A_certificate_that_misses_requirements_is_left_alone_while_the_others_are_fixed_and_Set_says_what_was_and_was_not_done()
    {
        HgsUses(Use(Signing, CertificateType.Signing), Use(WeakCertificate.Value, CertificateType.Encryption));
        var goodKey = node.Install(Signing, NotGranted);
        var weakKey = node.Install(WeakCertificate.Value, NotGranted);

        var state = Desired("All").Get();
        var error = Assert.Throws<NodeOperationException>(() => Desired("All").Set());

        Assert.Contains(state.Reasons!, r => r.Code!.EndsWith(":RequirementsMet") && r.Phrase!.Contains("1024") && r.Phrase.Contains("KeyEncipherment"));
        Assert.False(state.RequirementsMet);
        Assert.Single(goodKey.Writes);
        Assert.Empty(weakKey.Writes);
        Assert.Contains("Changed: " + Signing.Thumbprint, error.Message);
        Assert.Contains(WeakCertificate.Value.Thumbprint + " was not changed", error.Message);
        Assert.Contains("1024", error.Message);
        Assert.Contains("DataEncipherment", error.Message);
        Assert.Equal("CertificateKeyAccessIncomplete", error.ErrorId);
    }

    [Fact]
    public void An_expired_certificate_is_reported_and_Set_lists_the_requirement()
    {
        var expired = TestCertificates.Rsa(notBefore: TestCertificates.Now.AddYears(-2), notAfter: TestCertificates.Now.AddDays(-3));
        var key = node.Install(expired, NotGranted);

        var error = Assert.Throws<NodeOperationException>(() => Desired(expired.Thumbprint, CertificateType.Encryption).Set());

        Assert.Contains("expired", error.Message);
        Assert.Contains(expired.Thumbprint, error.Message);
        Assert.Contains("nothing was changed", error.Message);
        Assert.Empty(key.Writes);
    }

    [Fact]
    public void A_certificate_missing_from_the_store_is_a_clear_reason_and_error_naming_its_thumbprint()
    {
        HgsUses(Use(Signing, CertificateType.Signing));

        var state = Desired("All").Get();
        var error = Assert.Throws<NodeOperationException>(() => Desired("All").Set());

        var reason = Assert.Single(state.Reasons!);
        Assert.Equal("HgsCertificateKeyAccess:HgsCertificateKeyAccess:Certificates", reason.Code);
        Assert.Contains(Signing.Thumbprint, reason.Phrase);
        Assert.Contains("every HGS node", reason.Phrase);
        Assert.Contains(Signing.Thumbprint, error.Message);
        Assert.Contains("not in LocalMachine", Assert.Single(state.Findings!));
        node.Security.DidNotReceive().Open(Arg.Any<X509Certificate2>());
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_a_clear_reason_and_error_naming_its_thumbprint()
    {
        node.Store.Find(Signing.Thumbprint).Returns(_ => TestCertificates.PublicOnly(Signing));

        var state = Desired(Signing.Thumbprint, CertificateType.Signing).Get();
        var error = Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());

        Assert.Contains("no private key", Assert.Single(state.Reasons!).Phrase);
        Assert.Contains(Signing.Thumbprint, error.Message);
        Assert.Contains("no private key", error.Message);
        node.Security.DidNotReceive().Open(Arg.Any<X509Certificate2>());
    }

    [Theory]
    [InlineData(PrivateKeyProblem.KeyUnreachable, "security world")]
    [InlineData(PrivateKeyProblem.KeysetMissingOrDenied, "Manage Private Keys")]
    [InlineData(PrivateKeyProblem.NeedsInteraction, "PIN")]
    [InlineData(PrivateKeyProblem.AccessDenied, "SYSTEM")]
    [InlineData(PrivateKeyProblem.NoPrivateKey, "no private key")]
    public void A_key_that_cannot_be_opened_is_an_unmet_requirement_with_advice(PrivateKeyProblem problem, string advice)
    {
        var key = node.Install(Signing, NotGranted);
        key.OpenFailure = new PrivateKeyAccessException(problem, unchecked((int)0x80090016), "CryptAcquireCertificatePrivateKey: 0x80090016 Keyset does not exist");

        var state = Desired(Signing.Thumbprint, CertificateType.Signing).Get();

        var reason = Assert.Single(state.Reasons!);
        Assert.EndsWith(":RequirementsMet", reason.Code);
        Assert.Contains(advice, reason.Phrase);
        Assert.False(state.AccessGranted);
        Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());
        Assert.Empty(key.Writes);
    }

    [Fact]
    public void An_unreadable_access_list_is_reported_in_the_administrator_s_words_not_taken_for_compliance()
    {
        var key = node.Install(Signing, new byte[] { 1, 0, 4, 0 });

        var state = Desired(Signing.Thumbprint, CertificateType.Signing).Get();

        var phrase = Assert.Single(state.Reasons!).Phrase!;
        Assert.Contains("security descriptor of the private key", phrase);
        Assert.Contains(FakeKeys.SoftwareKsp, phrase);
        Assert.Contains("Manage Private Keys", phrase);
        Assert.DoesNotContain("20-byte header", phrase);
        Assert.Contains(log.Verbose, m => m.Contains(Signing.Thumbprint) && m.Contains("20-byte header"));
        Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());
        Assert.Empty(key.Writes);
    }

    [Fact]
    public void An_access_list_that_turns_unreadable_before_the_write_fails_Set_with_what_was_changed()
    {
        HgsUses(Use(Signing, CertificateType.Signing), Use(Encryption, CertificateType.Encryption));
        var signingKey = node.Install(Signing, NotGranted);
        var encryptionKey = node.Install(Encryption, NotGranted);
        var openings = 0;
        node.Security.When(s => s.Open(Arg.Is<X509Certificate2>(c => c.Thumbprint == Encryption.Thumbprint))).Do(_ =>
        {
            if (++openings == 2)
            {
                encryptionKey.Descriptor = new byte[] { 1, 0, 4, 0 };
            }
        });

        var error = Assert.Throws<NodeOperationException>(() => Desired("All").Set());

        Assert.Equal("CertificateKeyAccessIncomplete", error.ErrorId);
        Assert.Contains("Changed: " + Signing.Thumbprint, error.Message);
        Assert.Contains(Encryption.Thumbprint + " was not changed", error.Message);
        Assert.Contains("security descriptor of the private key", error.Message);
        Assert.DoesNotContain("20-byte header", error.Message);
        Assert.Single(signingKey.Writes);
        Assert.Empty(encryptionKey.Writes);
    }

    [Fact]
    public void A_key_whose_access_list_cannot_take_another_entry_fails_Set_with_what_was_changed()
    {
        HgsUses(Use(Signing, CertificateType.Signing), Use(Encryption, CertificateType.Encryption));
        var signingKey = node.Install(Signing, NotGranted);
        var full = Acl(2, Enumerable.Repeat(Allow(OtherAccount, KeyReadAccess.GenericRead), 1820).ToArray());
        var fullKey = node.Install(Encryption, Descriptor(dacl: full));

        var error = Assert.Throws<NodeOperationException>(() => Desired("All").Set());

        Assert.Equal("CertificateKeyAccessIncomplete", error.ErrorId);
        Assert.Contains("Changed: " + Signing.Thumbprint, error.Message);
        Assert.Contains(Encryption.Thumbprint + " was not changed", error.Message);
        Assert.Contains("cannot take another entry", error.Message);
        Assert.Contains(GmsaName, error.Message);
        Assert.DoesNotContain("would exceed the 64 KB", error.Message);
        Assert.Contains(log.Verbose, m => m.Contains(Encryption.Thumbprint) && m.Contains("would exceed the 64 KB"));
        Assert.Single(signingKey.Writes);
        Assert.Empty(fullKey.Writes);
        Assert.Equal(0, fullKey.OpenHandles);
    }

    [Fact]
    public void A_provider_that_cannot_tell_its_name_is_named_in_the_administrator_s_words()
    {
        node.Install(Signing, NotGranted, provider: null);

        var state = Desired(Signing.Thumbprint, CertificateType.Signing).Get();

        var phrase = Assert.Single(state.Reasons!).Phrase!;
        Assert.Contains("provider that did not give its name", phrase);
        Assert.DoesNotContain("(none)", phrase);
        Assert.DoesNotContain("(none)", Assert.Single(state.Findings!));
    }

    [Fact]
    public void A_certificate_of_unknown_use_is_named_in_the_administrator_s_words()
    {
        hgs.IsAvailable().Returns(false);

        var state = Desired(Signing.Thumbprint).Get();

        var phrase = Assert.Single(state.Reasons!).Phrase!;
        Assert.Contains("unclassified", phrase);
        Assert.DoesNotContain("(none)", phrase);
    }

    [Fact]
    public void A_key_without_an_access_list_is_open_to_everyone_so_nothing_is_written_but_a_warning_is_given()
    {
        var key = node.Install(Signing, Descriptor(owner: Administrators, nullDacl: true));

        Assert.True(Desired(Signing.Thumbprint, CertificateType.Signing).Test());
        Desired(Signing.Thumbprint, CertificateType.Signing).Set();

        Assert.Empty(key.Writes);
        Assert.Contains(log.Warnings, w => w.Contains("no access control list"));
    }

    [Fact]
    public void A_grant_made_by_someone_else_between_reading_and_writing_is_not_written_again()
    {
        var key = node.Install(Signing, NotGranted);
        var resource = Desired(Signing.Thumbprint, CertificateType.Signing);
        var openings = 0;
        node.Security.When(s => s.Open(Arg.Any<X509Certificate2>())).Do(_ =>
        {
            if (++openings == 2)
            {
                key.Descriptor = Granted;
            }
        });

        resource.Set();

        Assert.Empty(key.Writes);
        Assert.Contains(log.Verbose, m => m.Contains("already has Read"));
    }

    [Fact]
    public void The_declared_type_decides_the_key_usage_when_HGS_does_not_list_the_certificate()
    {
        var signOnly = TestCertificates.Rsa(usage: X509KeyUsageFlags.DigitalSignature);
        node.Install(signOnly, Granted);

        Assert.True(Desired(signOnly.Thumbprint, CertificateType.Signing).Test());
        Assert.False(Desired(signOnly.Thumbprint, CertificateType.Encryption).Test());
    }

    [Fact]
    public void Without_HGS_a_single_certificate_is_still_checked_by_its_declared_type()
    {
        hgs.IsAvailable().Returns(false);
        node.Install(Signing, Granted);

        Assert.True(Desired(Signing.Thumbprint, CertificateType.Signing).Test());
        hgs.DidNotReceive().GetCertificates();
    }

    [Fact]
    public void A_certificate_HGS_uses_differently_than_declared_is_reported_and_not_changed()
    {
        HgsUses(Use(Signing, CertificateType.Encryption));
        var key = node.Install(Signing, NotGranted);

        var state = Desired(Signing.Thumbprint, CertificateType.Signing).Get();

        var reason = Assert.Single(state.Reasons!, r => r.Code!.EndsWith(":CertificateType"));
        Assert.Contains("Encryption", reason.Phrase);
        Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());
        Assert.Empty(key.Writes);
    }

    [Fact]
    public void Without_a_declared_type_the_type_HGS_reports_is_used()
    {
        var signOnly = TestCertificates.Rsa(usage: X509KeyUsageFlags.DigitalSignature);
        HgsUses(Use(signOnly, CertificateType.Encryption));
        node.Install(signOnly, Granted);

        var state = Desired(signOnly.Thumbprint).Get();

        Assert.Equal(CertificateType.Encryption, state.CertificateType);
        Assert.Contains(state.Reasons!, r => r.Phrase!.Contains("KeyEncipherment"));
    }

    [Fact]
    public void A_communications_certificate_without_an_encryption_key_usage_is_reported_and_not_changed()
    {
        var signOnly = TestCertificates.Rsa(usage: X509KeyUsageFlags.DigitalSignature, name: "HGS communications sign only");
        HgsUses(Use(signOnly, CertificateType.Communications));
        var key = node.Install(signOnly, NotGranted);

        var state = Desired("All").Get();
        var error = Assert.Throws<NodeOperationException>(() => Desired("All").Set());

        var reason = Assert.Single(state.Reasons!, r => r.Code!.EndsWith(":RequirementsMet"));
        Assert.Contains("communications certificate", reason.Phrase);
        Assert.Contains("DataEncipherment", reason.Phrase);
        Assert.Contains("CommunicationsKeyUsage", Assert.Single(state.Findings!));
        Assert.Contains(signOnly.Thumbprint + " was not changed", error.Message);
        Assert.Empty(key.Writes);
    }

    [Fact]
    public void A_certificate_whose_type_nobody_knows_is_checked_without_key_usage_and_a_warning_says_so()
    {
        hgs.IsAvailable().Returns(false);
        var crlOnly = TestCertificates.Rsa(usage: X509KeyUsageFlags.CrlSign);
        node.Install(crlOnly, Granted);

        Assert.True(Desired(crlOnly.Thumbprint).Test());
        Assert.Contains(log.Warnings, w => w.Contains("CertificateType"));
    }

    [Fact]
    public void HGS_that_fails_to_list_its_certificates_does_not_stop_a_declared_certificate_from_being_checked()
    {
        hgs.GetCertificates().Throws(new NodeOperationException("CommandFailed", "Get-HgsKeyProtectionCertificate failed: HGS is not configured"));
        node.Install(Signing, Granted);

        Assert.True(Desired(Signing.Thumbprint, CertificateType.Signing).Test());
        Assert.Contains(log.Warnings, w => w.Contains("HGS is not configured"));
    }

    [Fact]
    public void All_on_a_node_whose_HGS_reports_no_certificate_is_not_compliant_and_Set_says_to_initialize_HGS()
    {
        var state = Desired("All").Get();
        var error = Assert.Throws<NodeOperationException>(() => Desired("All").Set());

        Assert.Contains("Initialize-HgsServer", Assert.Single(state.Reasons!).Phrase);
        Assert.Null(state.AccessGranted);
        Assert.Contains("Initialize-HgsServer", error.Message);
    }

    [Fact]
    public void All_with_only_PFX_or_disabled_certificates_has_nothing_to_check_and_is_not_compliant()
    {
        var disabled = TestCertificates.Rsa(name: "HGS disabled");
        HgsUses(
            Use(Signing, CertificateType.Signing, byThumbprint: false),
            Use(Encryption, CertificateType.Encryption, byThumbprint: false),
            Use(disabled, CertificateType.Encryption, enabled: false));

        var state = Desired("All").Get();
        var error = Assert.Throws<NodeOperationException>(() => Desired("All").Set());

        Assert.False(Desired("All").Test());
        var reason = Assert.Single(state.Reasons!);
        Assert.Equal("HgsCertificateKeyAccess:HgsCertificateKeyAccess:Certificates", reason.Code);
        Assert.Contains("3 certificate use(s)", reason.Phrase);
        Assert.Contains("2 held by HGS itself from a PFX file, 1 disabled", reason.Phrase);
        Assert.Contains("nothing to check is not reported as compliant", reason.Phrase);
        Assert.Null(state.AccessGranted);
        Assert.Null(state.RequirementsMet);
        Assert.Empty(state.Certificates!);
        Assert.Contains("nothing was changed", error.Message);
        Assert.Contains("HCK0049", error.Message);
        node.Store.DidNotReceive().Find(Arg.Any<string>());
    }

    [Fact]
    public void All_checks_a_certificate_whose_data_HGS_reports_in_an_unrecognised_shape_and_says_so()
    {
        HgsUses(
            new HgsCertificateUse(Signing.Thumbprint, CertificateType.Signing, true, CertificateOrigin.Unrecognized, "Contoso.SomethingElse"),
            new HgsCertificateUse(Encryption.Thumbprint, CertificateType.Encryption, true, CertificateOrigin.Unrecognized));
        var key = node.Install(Signing, NotGranted);

        var state = Desired("All").Get();

        Assert.Equal(new[] { Signing.Thumbprint, Encryption.Thumbprint }, state.Certificates);
        Assert.False(Desired("All").Test());
        Assert.Contains(log.Verbose, m => m.Contains(Signing.Thumbprint) && m.Contains("'Contoso.SomethingElse'") && m.Contains("checked as a certificate added by thumbprint"));
        Assert.Contains(log.Verbose, m => m.Contains(Encryption.Thumbprint) && m.Contains("without certificate data"));
        Assert.Contains(state.Reasons!, r => r.Code!.EndsWith(":AccessGranted") && r.Phrase!.Contains(Signing.Thumbprint));
        var missing = Assert.Single(state.Reasons!, r => r.Code!.EndsWith(":Certificates"));
        Assert.Contains(Encryption.Thumbprint, missing.Phrase);
        Assert.Contains("from a PFX file, HGS keeps the key itself", missing.Phrase);

        Assert.Throws<NodeOperationException>(() => Desired("All").Set());
        Assert.Single(key.Writes);
    }

    [Fact]
    public void A_thumbprint_pasted_with_spaces_and_invisible_marks_finds_the_certificate()
    {
        node.Install(Signing, Granted);
        var pasted = "\u200e" + string.Join(" ", Enumerable.Range(0, 20).Select(i => Signing.Thumbprint.Substring(2 * i, 2).ToLowerInvariant())) + "\ufeff";

        var state = Desired(pasted, CertificateType.Signing).Get();

        Assert.Equal(Signing.Thumbprint, state.Thumbprint);
        Assert.Empty(state.Reasons!);
        node.Store.Received().Find(Signing.Thumbprint);
    }

    [Theory]
    [InlineData("0123", "Thumbprint")]
    [InlineData("not-a-thumbprint-at-all-but-forty-chars!", "Thumbprint")]
    [InlineData("   ", "Thumbprint")]
    public void A_malformed_thumbprint_is_rejected_naming_the_property_before_the_node_is_read(string thumbprint, string property)
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(thumbprint).Test());

        Assert.Equal(property, error.PropertyName);
        accounts.DidNotReceive().Resolve(Arg.Any<string>(), Arg.Any<string>());
        node.Store.DidNotReceive().Find(Arg.Any<string>());
    }

    [Fact]
    public void A_certificate_type_with_All_is_rejected_before_the_node_is_read()
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired("All", CertificateType.Signing).Get());

        Assert.Equal("CertificateType", error.PropertyName);
        Assert.Contains("single thumbprint", error.Message);
        hgs.DidNotReceive().GetCertificates();
    }

    [Fact]
    public void An_empty_account_is_rejected_before_the_node_is_read()
    {
        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(Signing.Thumbprint, account: " ").Set());

        Assert.Equal("Account", error.PropertyName);
        keyProtection.DidNotReceive().GetAppPoolIdentity();
    }

    [Fact]
    public void An_unknown_account_is_a_clear_error_naming_it_and_nothing_is_read_or_written()
    {
        accounts.Resolve(@"CONTOSO\nobody$", "Account").Throws(new InvalidPropertyValueException("Account", @"CONTOSO\nobody$", @"The account 'CONTOSO\nobody$' was not found."));
        var key = node.Install(Signing, NotGranted);

        var error = Assert.Throws<InvalidPropertyValueException>(() => Desired(Signing.Thumbprint, account: @"CONTOSO\nobody$").Set());

        Assert.Contains(@"CONTOSO\nobody$", error.Message);
        Assert.Equal(0, key.Openings);
        Assert.Empty(key.Writes);
    }

    [Fact]
    public void Without_an_account_the_identity_of_the_KeyProtection_app_pool_is_used()
    {
        var key = node.Install(Signing, NotGranted);

        Desired(Signing.Thumbprint, CertificateType.Signing, account: null).Set();

        keyProtection.Received().GetAppPoolIdentity();
        Assert.Equal(Gmsa, Parsed(key).Single().Dacl!.Entries.Last().Sid);
    }

    [Fact]
    public void A_failing_write_is_reported_with_the_provider_s_error_and_not_retried()
    {
        var key = node.Install(Signing, NotGranted);
        key.WriteFailure = new PrivateKeyAccessException(PrivateKeyProblem.AccessDenied, unchecked((int)0x80070005), "NCryptSetProperty(Security Descr): 0x80070005 Access is denied.");

        var error = Assert.Throws<NodeOperationException>(() => Desired(Signing.Thumbprint, CertificateType.Signing).Set());

        Assert.Contains("Access is denied", error.Message);
        Assert.Contains("Read was not granted", error.Message);
        Assert.DoesNotContain("cannot be read", error.Message);
        Assert.Equal(2, key.Openings);
        Assert.Equal(0, key.OpenHandles);
    }
}
