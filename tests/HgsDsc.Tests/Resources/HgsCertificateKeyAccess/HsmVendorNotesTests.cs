using HgsDsc.Common.Localization;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

public sealed class HsmVendorNotesTests
{
    [Theory]
    [InlineData("SafeNet Key Storage Provider", "0xa0")]
    [InlineData("Luna Cryptographic Services for Microsoft Windows", "0xa0")]
    [InlineData("nCipher Security World Key Storage Provider", "security world")]
    [InlineData("Utimaco CryptoServer Key Storage Provider", "0x13")]
    public void A_recognised_provider_gets_its_vendor_s_note(string provider, string expected)
    {
        var note = Assert.Single(HsmVendorNotes.For(provider));

        Assert.Contains(expected, LocalizedStrings.Load("HgsCertificateKeyAccess")[note]);
    }

    [Theory]
    [InlineData("Contoso HSM Key Storage Provider")]
    [InlineData(null)]
    public void Any_other_provider_gets_every_note_of_the_guide(string? provider)
    {
        var strings = LocalizedStrings.Load("HgsCertificateKeyAccess");
        var text = string.Join(" ", HsmVendorNotes.For(provider).Select(n => strings[n]));

        Assert.Contains("SafeNet", text);
        Assert.Contains("nShield", text);
        Assert.Contains("Utimaco", text);
    }
}
