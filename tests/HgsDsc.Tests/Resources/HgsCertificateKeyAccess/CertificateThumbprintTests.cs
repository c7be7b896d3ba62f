using HgsDsc.Resources.HgsCertificateKeyAccess;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

public sealed class CertificateThumbprintTests
{
    private const string Canonical = "0123456789ABCDEF0123456789ABCDEF01234567";

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567")]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    [InlineData("01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67")]
    [InlineData("\u200e0123456789abcdef0123456789abcdef01234567")]
    [InlineData("0123456789ABCDEF\u200f0123456789ABCDEF01234567\ufeff")]
    [InlineData("\ufeff01234567\u200b89ABCDEF\u200c0123456789\u200dABCDEF\u206001234567")]
    [InlineData("  0123456789ABCDEF0123456789ABCDEF01234567\t\r\n")]
    [InlineData("01\u00a023456789ABCDEF0123456789ABCDEF01234567")]
    public void Spaces_case_and_invisible_characters_do_not_matter(string pasted)
    {
        Assert.Equal(Canonical, CertificateThumbprint.Normalize(pasted));
        Assert.True(CertificateThumbprint.AreEqual(pasted, Canonical.ToLowerInvariant()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF012345678")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456G")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567-")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    public void Anything_but_40_hexadecimal_digits_is_not_a_thumbprint(string? value)
    {
        Assert.Null(CertificateThumbprint.Normalize(value));
        Assert.False(CertificateThumbprint.AreEqual(value, value));
    }

    [Theory]
    [InlineData("All", true)]
    [InlineData("all", true)]
    [InlineData(" ALL\u200e", true)]
    [InlineData("Al l", true)]
    [InlineData("Any", false)]
    [InlineData(null, false)]
    public void All_is_recognised_however_it_is_written(string? value, bool expected)
    {
        Assert.Equal(expected, CertificateThumbprint.IsAll(value));
    }
}
