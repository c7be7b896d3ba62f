using System.Runtime.InteropServices;
using HgsDsc.Common.Accounts;
using NativeMethods = HgsDsc.Resources.HgsAuditPrivilege.NativeMethods;
using HgsDsc.Resources.HgsAuditPrivilege;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsAuditPrivilege;

/// <summary>
/// The marshalling LsaUserRightsStore relies on, exercised on unmanaged memory the test lays out
/// exactly as LSA does, so it is checked on any OS.
/// </summary>
public sealed class LsaMarshallingTests
{
    [Theory]
    [InlineData("SeAuditPrivilege")]
    [InlineData("SeServiceLogonRight")]
    [InlineData("Sé")]
    public void An_LSA_string_counts_bytes_without_the_terminator(string text)
    {
        using var buffer = LsaUnicodeStringBuffer.From(text);

        var value = buffer.Value;

        Assert.Equal(text.Length * 2, value.Length);
        Assert.Equal((text.Length + 1) * 2, value.MaximumLength);
        Assert.NotEqual(IntPtr.Zero, value.Buffer);
        Assert.Equal(text, Marshal.PtrToStringUni(value.Buffer));
        Assert.Equal(0, Marshal.ReadInt16(value.Buffer, value.Length));
        Assert.Equal(text, LsaUnicodeStringBuffer.Read(value));
    }

    [Fact]
    public void The_structure_has_the_native_layout()
    {
        // USHORT Length, USHORT MaximumLength, then a pointer aligned to its own size.
        Assert.Equal(0, Marshal.OffsetOf<NativeMethods.LsaUnicodeString>(nameof(NativeMethods.LsaUnicodeString.Length)).ToInt32());
        Assert.Equal(2, Marshal.OffsetOf<NativeMethods.LsaUnicodeString>(nameof(NativeMethods.LsaUnicodeString.MaximumLength)).ToInt32());
        Assert.Equal(IntPtr.Size, Marshal.OffsetOf<NativeMethods.LsaUnicodeString>(nameof(NativeMethods.LsaUnicodeString.Buffer)).ToInt32());
        Assert.Equal(2 * IntPtr.Size, Marshal.SizeOf<NativeMethods.LsaUnicodeString>());
        Assert.Equal(IntPtr.Size == 8 ? 48 : 24, Marshal.SizeOf<NativeMethods.LsaObjectAttributes>());
    }

    [Fact]
    public void An_empty_string_is_valid_and_the_longest_one_fits_sixteen_bits()
    {
        using (var empty = LsaUnicodeStringBuffer.From(string.Empty))
        {
            Assert.Equal(0, empty.Value.Length);
            Assert.Equal(2, empty.Value.MaximumLength);
            Assert.Equal(string.Empty, LsaUnicodeStringBuffer.Read(empty.Value));
        }

        using (var longest = LsaUnicodeStringBuffer.From(new string('x', LsaUnicodeStringBuffer.MaxCharacters)))
        {
            Assert.Equal(65532, longest.Value.Length);
            Assert.Equal(65534, longest.Value.MaximumLength);
        }

        Assert.Throws<ArgumentException>(() => LsaUnicodeStringBuffer.From(new string('x', LsaUnicodeStringBuffer.MaxCharacters + 1)));
    }

    [Fact]
    public void Read_takes_exactly_Length_bytes_of_an_unterminated_buffer()
    {
        var memory = Marshal.StringToHGlobalUni("SeAuditPrivilegeGARBAGE");
        try
        {
            var value = new NativeMethods.LsaUnicodeString { Length = 32, MaximumLength = 32, Buffer = memory };

            Assert.Equal("SeAuditPrivilege", LsaUnicodeStringBuffer.Read(value));
            Assert.Equal(string.Empty, LsaUnicodeStringBuffer.Read(default));
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    [Fact]
    public void Dispose_frees_the_memory_once_and_clears_the_value()
    {
        var buffer = LsaUnicodeStringBuffer.From("SeAuditPrivilege");

        buffer.Dispose();
        buffer.Dispose();

        Assert.Equal(IntPtr.Zero, buffer.Value.Buffer);
    }

    [Fact]
    public void An_enumeration_buffer_of_sid_pointers_reads_back_every_sid()
    {
        var expected = new[]
        {
            Sid.LocalService,
            Sid.NetworkService,
            Sid.Parse("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415"),
            Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-9999"),
            Sid.Parse("S-1-1-0"),
        };

        using var enumeration = new NativeEnumeration(expected);

        Assert.Equal(expected, LsaSidReader.ReadEnumeration(enumeration.Buffer, expected.Length));
    }

    [Fact]
    public void An_empty_enumeration_needs_no_buffer()
    {
        Assert.Empty(LsaSidReader.ReadEnumeration(IntPtr.Zero, 0));
    }

    [Fact]
    public void A_count_without_a_buffer_or_a_null_sid_pointer_is_refused()
    {
        Assert.Throws<ArgumentException>(() => LsaSidReader.ReadEnumeration(IntPtr.Zero, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LsaSidReader.ReadEnumeration(IntPtr.Zero, -1));

        var pointers = Marshal.AllocHGlobal(IntPtr.Size);
        try
        {
            Marshal.WriteIntPtr(pointers, IntPtr.Zero);
            Assert.Throws<ArgumentException>(() => LsaSidReader.ReadEnumeration(pointers, 1));
        }
        finally
        {
            Marshal.FreeHGlobal(pointers);
        }
    }

    [Fact]
    public void A_sid_is_read_only_as_far_as_its_header_says()
    {
        // The SID sits at the very end of its allocation: reading one byte more would leave it.
        var sid = Sid.Parse("S-1-5-21-1-2-3-500");
        var binary = sid.ToBinary();
        var memory = Marshal.AllocHGlobal(binary.Length);
        try
        {
            Marshal.Copy(binary, 0, memory, binary.Length);

            Assert.Equal(sid, LsaSidReader.ReadSid(memory));
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    [Fact]
    public void A_sid_header_claiming_too_many_sub_authorities_is_refused()
    {
        var memory = Marshal.AllocHGlobal(8);
        try
        {
            Marshal.Copy(new byte[] { 1, 16, 0, 0, 0, 0, 0, 5 }, 0, memory, 8);

            Assert.Throws<FormatException>(() => LsaSidReader.ReadSid(memory));
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    /// <summary>Unmanaged memory laid out as LsaEnumerateAccountsWithUserRight returns it: an array of PSIDs, each pointing at a SID.</summary>
    private sealed class NativeEnumeration : IDisposable
    {
        private readonly List<IntPtr> sids = new();

        public NativeEnumeration(IReadOnlyList<Sid> values)
        {
            Buffer = Marshal.AllocHGlobal(IntPtr.Size * values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var binary = values[i].ToBinary();
                var sid = Marshal.AllocHGlobal(binary.Length);
                Marshal.Copy(binary, 0, sid, binary.Length);
                sids.Add(sid);
                Marshal.WriteIntPtr(Buffer, i * IntPtr.Size, sid);
            }
        }

        public IntPtr Buffer { get; }

        public void Dispose()
        {
            sids.ForEach(Marshal.FreeHGlobal);
            Marshal.FreeHGlobal(Buffer);
        }
    }
}
