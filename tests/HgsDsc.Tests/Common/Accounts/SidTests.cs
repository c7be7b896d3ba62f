using HgsDsc.Common.Accounts;
using Xunit;

namespace HgsDsc.Tests.Common.Accounts;

/// <summary>Our own SID type: text and binary forms, and equality, on any OS.</summary>
public sealed class SidTests
{
    [Theory]
    [InlineData("S-1-5-19", "S-1-5-19")]
    [InlineData("s-1-5-20", "S-1-5-20")]
    [InlineData("*S-1-5-32-544", "S-1-5-32-544")]
    [InlineData("  *S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415  ", "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415")]
    [InlineData("S-1-0x0000000000FF-1", "S-1-255-1")]
    [InlineData("S-1-0x123456789ABC-7", "S-1-0x123456789ABC-7")]
    [InlineData("S-1-5", "S-1-5")]
    public void Parse_writes_the_canonical_form(string text, string canonical)
    {
        Assert.Equal(canonical, Sid.Parse(text).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("S-1-x")]
    [InlineData("S-2-5-19")]
    [InlineData("S-1")]
    [InlineData("S-1-5--19")]
    [InlineData("S-1-5-4294967296")]
    [InlineData("S-1-281474976710656-1")]
    [InlineData("S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16")]
    [InlineData("CONTOSO\\hgs$")]
    [InlineData("S-1-5-+19")]
    public void Malformed_text_is_not_a_sid(string text)
    {
        Assert.False(Sid.TryParse(text, out var sid));
        Assert.Null(sid);
        Assert.Throws<FormatException>(() => Sid.Parse(text));
    }

    [Fact]
    public void The_binary_form_of_local_service_is_the_documented_layout()
    {
        // Revision 1, one sub-authority, authority 5 (big-endian, 6 bytes), 19 (little-endian).
        var expected = new byte[] { 1, 1, 0, 0, 0, 0, 0, 5, 19, 0, 0, 0 };

        Assert.Equal(expected, Sid.LocalService.ToBinary());
        Assert.Equal(Sid.LocalService, Sid.FromBinary(expected));
    }

    [Theory]
    [InlineData("S-1-5-20")]
    [InlineData("S-1-5-21-1004336348-1177238915-682003330-1105")]
    [InlineData("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415")]
    [InlineData("S-1-0x123456789ABC-4294967295")]
    [InlineData("S-1-1-0")]
    public void Binary_round_trip_keeps_the_sid(string text)
    {
        var sid = Sid.Parse(text);

        var binary = sid.ToBinary();

        Assert.Equal(sid.BinaryLength, binary.Length);
        Assert.Equal(sid, Sid.FromBinary(binary));
    }

    [Fact]
    public void FromBinary_reads_at_an_offset()
    {
        var sid = Sid.Parse("S-1-5-21-1-2-3-500");
        var data = new byte[] { 0xFF, 0xFF, 0xFF }.Concat(sid.ToBinary()).ToArray();

        Assert.Equal(sid, Sid.FromBinary(data, 3));
    }

    [Theory]
    [InlineData(new byte[] { 2, 1, 0, 0, 0, 0, 0, 5, 19, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 2, 0, 0, 0, 0, 0, 5, 19, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 16, 0, 0, 0, 0, 0, 5 })]
    [InlineData(new byte[] { 1, 0, 0 })]
    public void FromBinary_rejects_bytes_that_are_not_a_whole_sid(byte[] data)
    {
        Assert.Throws<FormatException>(() => Sid.FromBinary(data));
    }

    [Fact]
    public void Sids_compare_by_value_whatever_the_spelling()
    {
        Assert.Equal(Sid.Parse("*s-1-5-19"), Sid.LocalService);
        Assert.True(Sid.Parse("S-1-5-20") == Sid.NetworkService);
        Assert.True(Sid.LocalService != Sid.NetworkService);
        Assert.Equal(Sid.Parse("S-1-5-19").GetHashCode(), Sid.LocalService.GetHashCode());
        Assert.Single(new HashSet<Sid> { Sid.Parse("S-1-5-19"), Sid.Parse("*S-1-5-19"), Sid.LocalService });
    }
}
