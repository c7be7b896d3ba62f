using HgsDsc.Common.Accounts;
using Xunit;

namespace HgsDsc.Tests.Common;

public sealed class SidTests
{
    [Theory]
    [InlineData("S-1-5-19")]
    [InlineData("S-1-5-21-3623811015-3361044348-30300820-1013")]
    [InlineData("S-1-5-82-271721585-897601226-2024613209-625570482-296978595")]
    [InlineData("S-1-0-0")]
    [InlineData("S-1-0x1A2B3C4D5E6F-1")]
    public void Text_and_binary_forms_round_trip(string text)
    {
        var sid = Sid.Parse(text);

        Assert.Equal(text, sid.Value);
        Assert.Equal(sid, Sid.FromBinary(sid.ToBinary()));
        Assert.Equal(sid.BinaryLength, sid.ToBinary().Length);
    }

    [Fact]
    public void The_binary_form_is_the_documented_layout()
    {
        var bytes = Sid.Parse("S-1-5-32-544").ToBinary();

        Assert.Equal(new byte[] { 1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0 }, bytes);
    }

    [Theory]
    [InlineData("*S-1-5-20", "S-1-5-20")]
    [InlineData(" s-1-5-19 ", "S-1-5-19")]
    public void Secedit_stars_case_and_spaces_are_accepted(string text, string canonical)
    {
        Assert.Equal(canonical, Sid.Parse(text).Value);
        Assert.Equal(Sid.Parse(canonical), Sid.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("S-1")]
    [InlineData("S-2-5-19")]
    [InlineData("S-1-x-19")]
    [InlineData("S-1-5-19-")]
    [InlineData("S-1-5-4294967296")]
    [InlineData("S-1-281474976710656-1")]
    [InlineData("CONTOSO\\hgs$")]
    [InlineData("S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16")]
    public void Malformed_text_is_not_a_sid(string text)
    {
        Assert.False(Sid.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Sid.Parse(text));
    }

    [Fact]
    public void Truncated_binary_is_rejected()
    {
        var bytes = Sid.Parse("S-1-5-21-1-2-3").ToBinary();

        Assert.Throws<FormatException>(() => Sid.FromBinary(bytes.Take(bytes.Length - 1).ToArray()));
        Assert.Throws<FormatException>(() => Sid.FromBinary(new byte[] { 2, 0, 0, 0, 0, 0, 0, 5 }));
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.True(Sid.Parse("S-1-5-19") == Sid.LocalService);
        Assert.True(Sid.Parse("S-1-5-19") != Sid.NetworkService);
        Assert.Equal(Sid.Parse("S-1-5-19").GetHashCode(), Sid.LocalService.GetHashCode());
    }
}
