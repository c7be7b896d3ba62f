using System.Text;
using HgsDsc.Common.Accounts;
using Xunit;

namespace HgsDsc.Tests.Common.Accounts;

/// <summary>
/// The buffer protocol of LookupAccountNameW / LookupAccountSidW, driven by calls that behave as
/// the documentation says (sizes in bytes for the SID, in characters with the terminator for
/// names, ERROR_INSUFFICIENT_BUFFER with the required size), so it is checked on any OS.
/// </summary>
public sealed class NativeAccountLookupTests
{
    private const int ErrorInsufficientBuffer = 122;
    private const int ErrorNoneMapped = 1332;
    private const int SidTypeWellKnownGroup = 5;
    private const int SidTypeComputer = 9;

    private static readonly Sid Gmsa = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-1105");

    [Fact]
    public void The_first_call_has_room_for_any_sid_and_a_long_domain_name()
    {
        var calls = new List<(int SidBuffer, uint SidSize, int DomainCapacity, uint DomainLength)>();

        var result = NativeAccountLookup.LookupName((byte[] sid, ref uint sidSize, StringBuilder domain, ref uint domainLength, out int use) =>
        {
            calls.Add((sid.Length, sidSize, domain.Capacity, domainLength));
            Write(Gmsa, sid, ref sidSize);
            domain.Append("CONTOSO");
            domainLength = 7;
            use = SidTypeComputer;
            return 0;
        });

        Assert.Equal(Gmsa, result.Sid);
        Assert.Equal(SidNameUse.Computer, result.Use);
        Assert.Equal(0, result.Error);
        var call = Assert.Single(calls);
        Assert.Equal(68, call.SidBuffer);
        Assert.Equal(68u, call.SidSize);
        Assert.True(call.DomainCapacity >= call.DomainLength, "The domain length passed must not exceed the buffer.");
        Assert.Equal(256u, call.DomainLength);
    }

    [Fact]
    public void A_domain_name_longer_than_the_first_buffer_is_read_with_the_size_windows_asks_for()
    {
        var calls = new List<(int SidBuffer, uint SidSize, int DomainCapacity, uint DomainLength)>();
        var longDomain = new string('d', 300);

        var result = NativeAccountLookup.LookupName((byte[] sid, ref uint sidSize, StringBuilder domain, ref uint domainLength, out int use) =>
        {
            calls.Add((sid.Length, sidSize, domain.Capacity, domainLength));
            use = 0;
            if (domainLength < longDomain.Length + 1)
            {
                // As documented: the required size, with the terminator; the SID's own required size is reported too.
                sidSize = (uint)Gmsa.BinaryLength;
                domainLength = (uint)longDomain.Length + 1;
                return ErrorInsufficientBuffer;
            }

            Write(Gmsa, sid, ref sidSize);
            domain.Append(longDomain);
            domainLength = (uint)longDomain.Length;
            use = SidTypeComputer;
            return 0;
        });

        Assert.Equal(Gmsa, result.Sid);
        Assert.Equal(2, calls.Count);
        var retry = calls[1];
        Assert.Equal(301u, retry.DomainLength);
        Assert.True(retry.DomainCapacity >= 301);
        Assert.Equal((uint)retry.SidBuffer, retry.SidSize);
        Assert.True(retry.SidBuffer >= Gmsa.BinaryLength);
    }

    [Fact]
    public void A_retry_never_shrinks_the_sid_buffer_whatever_size_comes_back_for_it()
    {
        var calls = 0;

        var result = NativeAccountLookup.LookupName((byte[] sid, ref uint sidSize, StringBuilder domain, ref uint domainLength, out int use) =>
        {
            calls++;
            use = 0;
            if (calls == 1)
            {
                // The documentation does not say what cbSid holds when only the domain buffer was too small.
                sidSize = 0;
                domainLength = 400;
                return ErrorInsufficientBuffer;
            }

            if (sidSize < Gmsa.BinaryLength || sid.Length < sidSize)
            {
                sidSize = (uint)Gmsa.BinaryLength;
                return ErrorInsufficientBuffer;
            }

            Write(Gmsa, sid, ref sidSize);
            use = SidTypeComputer;
            return 0;
        });

        Assert.Equal(Gmsa, result.Sid);
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(ErrorNoneMapped)]
    [InlineData(1789)]
    public void Any_other_error_is_returned_after_one_call(int error)
    {
        var calls = 0;

        var result = NativeAccountLookup.LookupName((byte[] sid, ref uint sidSize, StringBuilder domain, ref uint domainLength, out int use) =>
        {
            calls++;
            use = 0;
            return error;
        });

        Assert.Null(result.Sid);
        Assert.Equal(error, result.Error);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_buffer_still_too_small_after_the_retry_is_an_error_not_a_loop()
    {
        var calls = 0;

        var result = NativeAccountLookup.LookupName((byte[] sid, ref uint sidSize, StringBuilder domain, ref uint domainLength, out int use) =>
        {
            calls++;
            use = 0;
            domainLength += 10;
            return ErrorInsufficientBuffer;
        });

        Assert.Null(result.Sid);
        Assert.Equal(ErrorInsufficientBuffer, result.Error);
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData("IIS APPPOOL", "KeyProtection", "IIS APPPOOL\\KeyProtection")]
    [InlineData("", "Everyone", "Everyone")]
    public void A_sid_is_named_domain_backslash_name_or_just_the_name(string domainName, string accountName, string expected)
    {
        var result = NativeAccountLookup.LookupSid((StringBuilder name, ref uint nameLength, StringBuilder domain, ref uint domainLength) =>
        {
            Assert.True(name.Capacity >= nameLength && domain.Capacity >= domainLength, "A length passed must not exceed its buffer.");
            name.Append(accountName);
            domain.Append(domainName);
            nameLength = (uint)accountName.Length;
            domainLength = (uint)domainName.Length;
            return 0;
        });

        Assert.Equal(expected, result);
    }

    [Fact]
    public void A_long_name_is_read_again_with_the_size_windows_asks_for()
    {
        var longName = new string('n', 400);
        var lengths = new List<(uint Name, uint Domain)>();

        var result = NativeAccountLookup.LookupSid((StringBuilder name, ref uint nameLength, StringBuilder domain, ref uint domainLength) =>
        {
            lengths.Add((nameLength, domainLength));
            Assert.True(name.Capacity >= nameLength && domain.Capacity >= domainLength, "A length passed must not exceed its buffer.");
            if (nameLength < longName.Length + 1)
            {
                nameLength = (uint)longName.Length + 1;
                domainLength = 8;
                return ErrorInsufficientBuffer;
            }

            name.Append(longName);
            domain.Append("CONTOSO");
            return 0;
        });

        Assert.Equal("CONTOSO\\" + longName, result);
        Assert.Equal(new[] { (256u, 256u), (401u, 256u) }, lengths);
    }

    [Theory]
    [InlineData(ErrorNoneMapped)]
    [InlineData(ErrorInsufficientBuffer)]
    [InlineData(1789)]
    public void A_sid_that_cannot_be_named_has_no_name(int error)
    {
        Assert.Null(NativeAccountLookup.LookupSid((StringBuilder name, ref uint nameLength, StringBuilder domain, ref uint domainLength) => error));
    }

    [Fact]
    public void A_well_known_group_keeps_its_type()
    {
        var result = NativeAccountLookup.LookupName((byte[] sid, ref uint sidSize, StringBuilder domain, ref uint domainLength, out int use) =>
        {
            Write(Sid.NetworkService, sid, ref sidSize);
            use = SidTypeWellKnownGroup;
            return 0;
        });

        Assert.Equal(Sid.NetworkService, result.Sid);
        Assert.Equal(SidNameUse.WellKnownGroup, result.Use);
    }

    private static void Write(Sid value, byte[] buffer, ref uint size)
    {
        var binary = value.ToBinary();
        Array.Copy(binary, buffer, binary.Length);
        size = (uint)binary.Length;
    }
}
