using HgsDsc.Common.Accounts;
using Xunit;

namespace HgsDsc.Tests.Common.Accounts;

/// <summary>
/// Sid forms the account code meets beyond the basics of HgsDsc.Tests.Common.SidTests: what LSA
/// hands back in memory and what administrators type by mistake.
/// </summary>
public sealed class SidEdgeCaseTests
{
    [Theory]
    [InlineData("S-1-0x0000000000FF-1", "S-1-255-1")]
    [InlineData("S-1-0x123456789ABC-7", "S-1-0x123456789ABC-7")]
    [InlineData("S-1-5", "S-1-5")]
    public void A_hex_authority_below_2_to_the_32_is_written_in_decimal(string text, string canonical)
    {
        Assert.Equal(canonical, Sid.Parse(text).Value);
    }

    [Theory]
    [InlineData("S-1-x")]
    [InlineData("S-1-5--19")]
    [InlineData("S-1-5-+19")]
    [InlineData("S-1-5- 19")]
    [InlineData("S-1-0xZZ-1")]
    [InlineData("   ")]
    public void Typing_mistakes_are_not_sids(string text)
    {
        Assert.False(Sid.TryParse(text, out var sid));
        Assert.Null(sid);
    }

    [Fact]
    public void FromBinary_reads_at_an_offset()
    {
        var sid = Sid.Parse("S-1-5-21-1-2-3-500");
        var data = new byte[] { 0xFF, 0xFF, 0xFF }.Concat(sid.ToBinary()).ToArray();

        Assert.Equal(sid, Sid.FromBinary(data, 3));
    }

    [Fact]
    public void A_header_claiming_more_than_15_sub_authorities_is_rejected()
    {
        Assert.Throws<FormatException>(() => Sid.FromBinary(new byte[] { 1, 16, 0, 0, 0, 0, 0, 5 }.Concat(new byte[64]).ToArray()));
    }

    [Fact]
    public void Spellings_of_one_sid_are_one_set_member()
    {
        Assert.Single(new HashSet<Sid> { Sid.Parse("S-1-5-19"), Sid.Parse("*S-1-5-19"), Sid.Parse(" s-1-5-19"), Sid.LocalService });
    }
}
