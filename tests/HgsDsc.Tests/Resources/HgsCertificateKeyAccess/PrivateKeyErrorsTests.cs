using HgsDsc.Resources.HgsCertificateKeyAccess;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>How provider errors become something an administrator can act on.</summary>
public sealed class PrivateKeyErrorsTests
{
    [Theory]
    [InlineData(0x8009200B, KeyOperation.Open, PrivateKeyProblem.NoPrivateKey)] // CRYPT_E_NO_KEY_PROPERTY
    [InlineData(0x80090016, KeyOperation.Open, PrivateKeyProblem.KeysetMissingOrDenied)] // NTE_BAD_KEYSET: missing, or not for this account
    [InlineData(0x80090016, KeyOperation.ReadSecurity, PrivateKeyProblem.KeyUnreachable)]
    [InlineData(0x80090011, KeyOperation.Open, PrivateKeyProblem.KeyUnreachable)] // NTE_NOT_FOUND
    [InlineData(0x80090030, KeyOperation.Open, PrivateKeyProblem.KeyUnreachable)] // NTE_DEVICE_NOT_READY (an HSM out of reach)
    [InlineData(0x8009001D, KeyOperation.Open, PrivateKeyProblem.KeyUnreachable)] // NTE_PROVIDER_DLL_FAIL
    [InlineData(0x80090022, KeyOperation.Open, PrivateKeyProblem.NeedsInteraction)] // NTE_SILENT_CONTEXT
    [InlineData(0x8009002E, KeyOperation.Open, PrivateKeyProblem.NeedsInteraction)] // NTE_UI_REQUIRED
    [InlineData(0x80090036, KeyOperation.Open, PrivateKeyProblem.NeedsInteraction)] // NTE_USER_CANCELLED
    [InlineData(0x80090022, KeyOperation.WriteSecurity, PrivateKeyProblem.NeedsInteraction)]
    [InlineData(0x80090010, KeyOperation.Open, PrivateKeyProblem.AccessDenied)] // NTE_PERM
    [InlineData(5, KeyOperation.WriteSecurity, PrivateKeyProblem.AccessDenied)] // ERROR_ACCESS_DENIED from GetLastError
    [InlineData(0x80090029, KeyOperation.ReadSecurity, PrivateKeyProblem.ProviderCannotSetAccess)] // NTE_NOT_SUPPORTED
    [InlineData(0x80090029, KeyOperation.WriteSecurity, PrivateKeyProblem.ProviderCannotSetAccess)]
    [InlineData(0x80090011, KeyOperation.ReadSecurity, PrivateKeyProblem.ProviderCannotSetAccess)] // no such property
    [InlineData(0x8009000A, KeyOperation.ReadSecurity, PrivateKeyProblem.ProviderCannotSetAccess)] // NTE_BAD_TYPE: CryptGetProvParam lacks the parameter
    [InlineData(0x80090009, KeyOperation.WriteSecurity, PrivateKeyProblem.ProviderCannotSetAccess)] // NTE_BAD_FLAGS
    [InlineData(50, KeyOperation.WriteSecurity, PrivateKeyProblem.ProviderCannotSetAccess)] // ERROR_NOT_SUPPORTED
    [InlineData(0x80004001, KeyOperation.ReadSecurity, PrivateKeyProblem.ProviderCannotSetAccess)] // E_NOTIMPL
    [InlineData(0x80090029, KeyOperation.Open, PrivateKeyProblem.Failed)]
    [InlineData(0x80004005, KeyOperation.WriteSecurity, PrivateKeyProblem.Failed)] // E_FAIL
    public void Errors_are_classified_by_what_was_being_done(long error, KeyOperation operation, PrivateKeyProblem expected)
    {
        Assert.Equal(expected, PrivateKeyErrors.Classify(unchecked((int)error), operation));
    }

    [Theory]
    [InlineData(0x80090009, KeyOperation.WriteSecurity, "Microsoft Software Key Storage Provider")] // NTE_BAD_FLAGS
    [InlineData(50, KeyOperation.WriteSecurity, "Microsoft Software Key Storage Provider")] // ERROR_NOT_SUPPORTED
    [InlineData(0x80070032, KeyOperation.WriteSecurity, "microsoft platform crypto provider")]
    [InlineData(0x80090009, KeyOperation.WriteSecurity, "Microsoft Enhanced RSA and AES Cryptographic Provider")]
    [InlineData(50, KeyOperation.WriteSecurity, "Microsoft Strong Cryptographic Provider")]
    [InlineData(0x80090029, KeyOperation.ReadSecurity, "Microsoft Enhanced Cryptographic Provider v1.0")] // NTE_NOT_SUPPORTED
    [InlineData(0x80090011, KeyOperation.ReadSecurity, "Microsoft RSA SChannel Cryptographic Provider")] // NTE_NOT_FOUND
    public void A_Microsoft_software_provider_always_keeps_per_key_access_so_its_not_supported_errors_are_plain_failures(long error, KeyOperation operation, string provider)
    {
        Assert.True(MicrosoftSoftwareProviders.Contains(provider));
        Assert.Equal(PrivateKeyProblem.Failed, PrivateKeyErrors.Classify(unchecked((int)error), operation, provider));
    }

    [Theory]
    [InlineData(0x80090009, "SafeNet Key Storage Provider")]
    [InlineData(50, "nCipher Security World Key Storage Provider")]
    [InlineData(0x80090029, "Microsoft Smart Card Key Storage Provider")] // a smart card keeps no per-key access list
    [InlineData(0x80090029, "Microsoft Software Key Storage Provider (by Contoso)")]
    [InlineData(50, null)] // a provider that did not give its name
    public void Other_providers_keep_the_provider_cannot_set_access_path_with_its_vendor_notes(long error, string? provider)
    {
        Assert.Equal(PrivateKeyProblem.ProviderCannotSetAccess, PrivateKeyErrors.Classify(unchecked((int)error), KeyOperation.WriteSecurity, provider));
    }

    [Fact]
    public void A_Microsoft_software_provider_s_other_errors_keep_their_meaning()
    {
        const string Ksp = "Microsoft Software Key Storage Provider";

        Assert.Equal(PrivateKeyProblem.AccessDenied, PrivateKeyErrors.Classify(5, KeyOperation.WriteSecurity, Ksp));
        Assert.Equal(PrivateKeyProblem.KeysetMissingOrDenied, PrivateKeyErrors.Classify(unchecked((int)0x80090016), KeyOperation.Open, Ksp));
        Assert.Equal(PrivateKeyProblem.Failed, PrivateKeyErrors.Classify(unchecked((int)0x80090029), KeyOperation.Open, Ksp));
    }

    [Theory]
    [InlineData(5, 0x80070005)]
    [InlineData(0x80090016, 0x80090016)]
    [InlineData(0, 0)]
    public void Win32_errors_become_HRESULTs_and_HRESULTs_stay(long error, long expected)
    {
        Assert.Equal(unchecked((int)expected), PrivateKeyErrors.ToHResult(unchecked((int)error)));
    }

    [Theory]
    [InlineData(0x80090028, true)] // NTE_BUFFER_TOO_SMALL
    [InlineData(234, true)] // ERROR_MORE_DATA from GetLastError
    [InlineData(0x800700EA, true)]
    [InlineData(122, true)] // ERROR_INSUFFICIENT_BUFFER
    [InlineData(0x80290406, true)] // TPM_E_PCP_BUFFER_TOO_SMALL
    [InlineData(0, false)]
    [InlineData(0x80090029, false)] // NTE_NOT_SUPPORTED
    [InlineData(5, false)]
    public void Only_buffer_too_small_errors_ask_for_a_bigger_buffer(long error, bool expected)
    {
        Assert.Equal(expected, PrivateKeyErrors.IsBufferTooSmall(unchecked((int)error)));
    }
}
