using HgsDsc.Common.Security;
using Xunit;
using static HgsDsc.Tests.Common.Security.DescriptorBytes;

namespace HgsDsc.Tests.Common.Security;

/// <summary>The self-relative security descriptor reader and writer, on descriptors built byte by byte.</summary>
public sealed class SecurityDescriptorTests
{
    private static readonly Guid SomeObjectType = Guid.Parse("bf967a86-0de6-11d0-a285-00aa003049e2");

    public static IEnumerable<object[]> Descriptors() => new[]
    {
        new object[] { "allow and deny", Descriptor(dacl: Acl(2, Deny(OtherAccount, 0x80000000), Allow(LocalSystem, 0x10000000), Allow(Gmsa, 0x80000000))) },
        new object[] { "no DACL", Descriptor(owner: Administrators) },
        new object[] { "NULL DACL", Descriptor(owner: Administrators, nullDacl: true) },
        new object[] { "empty DACL", Descriptor(dacl: Acl(2)) },
        new object[] { "object, callback and inherited ACEs", Descriptor(dacl: Acl(4, DenyCallback(Everyone, 0x1, new byte[] { 0x61, 0x72, 0x74, 0x78 }), AllowObject(Gmsa, 0x100, SomeObjectType), Allow(Everyone, 0x120089, 0x10))) },
        new object[] { "owner, group, SACL and DACL", Descriptor(Administrators, LocalSystem, Acl(2, Audit(Everyone, 0x10000000)), Acl(2, Allow(LocalSystem, 0x1F01FF))) },
        new object[] { "SACL and DACL before owner and group", Descriptor(Administrators, LocalSystem, Acl(2, Audit(Everyone, 0x10000000)), Acl(2, Allow(LocalSystem, 0x1F01FF)), order: new[] { "sacl", "dacl", "owner", "group" }) },
        new object[] { "DACL first, protected", Descriptor(Administrators, LocalSystem, dacl: Acl(2, Allow(Administrators, 0x1F01FF)), extraControl: DaclProtected, order: new[] { "dacl", "group", "owner" }) },
        new object[] { "unused space in the ACL", Descriptor(dacl: AclWithSlack(2, 12, Allow(LocalSystem, 0x10000000))) },
    };

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void An_unchanged_descriptor_is_written_back_byte_for_byte(string what, byte[] original)
    {
        var written = SecurityDescriptor.Parse(original).ToBinary();

        Assert.True(original.SequenceEqual(written), what + ": " + Convert.ToHexString(original) + " became " + Convert.ToHexString(written));
    }

    [Fact]
    public void Reads_the_type_flags_mask_and_SID_of_every_allow_and_deny_entry()
    {
        var descriptor = SecurityDescriptor.Parse(Descriptor(dacl: Acl(2, Deny(OtherAccount, 0x80000000), Allow(Gmsa, 0x120089, 0x10), Allow(LocalSystem, 0x10000000, 0x0B))));

        var entries = descriptor.Dacl!.Entries;
        Assert.Equal(3, entries.Count);
        Assert.True(entries[0].IsDenied);
        Assert.Equal(OtherAccount, entries[0].Sid);
        Assert.Equal(0x80000000u, entries[0].Mask);
        Assert.True(entries[1].IsAllowed);
        Assert.True(entries[1].IsInherited);
        Assert.Equal(Gmsa, entries[1].Sid);
        Assert.Equal(0x120089u, entries[1].Mask);
        Assert.False(entries[2].AppliesToObject);
    }

    [Fact]
    public void Entries_of_other_kinds_are_kept_without_a_SID_or_mask()
    {
        var objectAce = AllowObject(Gmsa, 0x100, SomeObjectType);
        var descriptor = SecurityDescriptor.Parse(Descriptor(dacl: Acl(4, objectAce)));

        var entry = Assert.Single(descriptor.Dacl!.Entries);
        Assert.Null(entry.Sid);
        Assert.Null(entry.Mask);
        Assert.Equal(objectAce, entry.ToBinary());
    }

    [Fact]
    public void No_DACL_and_a_NULL_DACL_both_read_as_no_DACL_but_an_empty_one_does_not()
    {
        Assert.Null(SecurityDescriptor.Parse(Descriptor(owner: Administrators)).Dacl);
        Assert.Null(SecurityDescriptor.Parse(Descriptor(nullDacl: true)).Dacl);
        Assert.Empty(SecurityDescriptor.Parse(Descriptor(dacl: Acl(2))).Dacl!.Entries);
    }

    [Fact]
    public void Owner_group_and_SACL_are_read()
    {
        var descriptor = SecurityDescriptor.Parse(Descriptor(Administrators, LocalSystem, Acl(2, Audit(Everyone, 1)), Acl(2)));

        Assert.Equal(Administrators, descriptor.Owner);
        Assert.Equal(LocalSystem, descriptor.Group);
        Assert.True(descriptor.HasSacl);
    }

    [Fact]
    public void Inserting_an_entry_changes_only_the_DACL_and_keeps_every_other_part_and_entry()
    {
        var sacl = Acl(2, Audit(Everyone, 0x10000000));
        var deny = Deny(OtherAccount, 0x80000000);
        var allow = Allow(LocalSystem, 0x10000000);
        var original = SecurityDescriptor.Parse(Descriptor(Administrators, LocalSystem, sacl, Acl(2, deny, allow), order: new[] { "sacl", "dacl", "owner", "group" }));

        var added = AccessControlEntry.Allow(Gmsa, 0x80000000);
        var changed = SecurityDescriptor.Parse(original.WithDacl(original.Dacl!.Insert(1, added)).ToBinary());

        Assert.Equal(original.Control, changed.Control);
        Assert.Equal(Administrators, changed.Owner);
        Assert.Equal(LocalSystem, changed.Group);
        Assert.Equal(new[] { deny, Allow(Gmsa, 0x80000000), allow }, changed.Dacl!.Entries.Select(e => e.ToBinary()));
        var bytes = original.WithDacl(original.Dacl.Insert(1, added)).ToBinary();
        Assert.True(Contains(bytes, sacl), "the SACL is kept byte for byte");
        Assert.Equal(20 + sacl.Length + original.Dacl.Length + added.Length + Administrators.BinaryLength + LocalSystem.BinaryLength, bytes.Length);
    }

    [Fact]
    public void Giving_a_descriptor_without_a_DACL_one_marks_it_present()
    {
        var original = SecurityDescriptor.Parse(Descriptor(owner: Administrators));

        var changed = SecurityDescriptor.Parse(original.WithDacl(AccessControlList.Empty().Insert(0, AccessControlEntry.Allow(Gmsa, 1))).ToBinary());

        Assert.NotEqual(0, changed.Control & SecurityDescriptor.DaclPresentFlag);
        Assert.Equal(Gmsa, Assert.Single(changed.Dacl!.Entries).Sid);
        Assert.Equal(Administrators, changed.Owner);
    }

    [Fact]
    public void Unused_space_of_an_ACL_survives_an_insertion()
    {
        var original = SecurityDescriptor.Parse(Descriptor(dacl: AclWithSlack(2, 8, Allow(LocalSystem, 1))));

        var dacl = original.Dacl!.Insert(1, AccessControlEntry.Allow(Gmsa, 2));

        Assert.Equal(8 + Allow(LocalSystem, 1).Length + Allow(Gmsa, 2).Length + 8, dacl.Length);
        Assert.Equal(Enumerable.Repeat((byte)0xEE, 8), dacl.ToBinary().Skip(dacl.Length - 8));
    }

    public static IEnumerable<object[]> Placements() => new[]
    {
        new object[] { "empty", Array.Empty<byte[]>(), 0 },
        new object[] { "only allows", new[] { Allow(LocalSystem, 1), Allow(Administrators, 1) }, 2 },
        new object[] { "explicit denies first", new[] { Deny(OtherAccount, 1), Deny(Everyone, 1), Allow(LocalSystem, 1) }, 3 },
        new object[] { "canonical with inherited entries", new[] { Deny(OtherAccount, 1), Allow(LocalSystem, 1), Deny(Everyone, 1, 0x10), Allow(Administrators, 1, 0x10) }, 2 },
        new object[] { "only inherited", new[] { Allow(Administrators, 1, 0x10) }, 0 },
        new object[] { "a deny after an allow (not canonical)", new[] { Allow(LocalSystem, 1), Deny(OtherAccount, 1), Allow(Administrators, 1), Allow(Everyone, 1, 0x10) }, 3 },
        new object[] { "a callback deny", new[] { DenyCallback(OtherAccount, 1, new byte[] { 1, 2, 3, 4 }), Allow(LocalSystem, 1) }, 2 },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public void A_new_explicit_allow_goes_after_every_explicit_deny_and_before_inherited_entries(string what, byte[][] aces, int expected)
    {
        var dacl = SecurityDescriptor.Parse(Descriptor(dacl: Acl(2, aces))).Dacl!;

        Assert.True(expected == dacl.ExplicitAllowIndex(), what);
    }

    public static IEnumerable<object[]> Malformed() => new[]
    {
        new object[] { new byte[] { 1, 0, 0x04, 0x80 }, "header" },
        new object[] { Patch(Descriptor(dacl: Acl(2)), 0, 2), "revision" },
        new object[] { Patch(Descriptor(dacl: Acl(2)), 3, 0x00), "self-relative" },
        new object[] { Patch(Descriptor(dacl: Acl(2)), 16, 0xF0), "offset" },
        new object[] { Patch(Descriptor(dacl: Acl(2, Allow(LocalSystem, 1))), 20 + 8 + 2, 0xF0), "ACE" },
        new object[] { Patch(Descriptor(dacl: Acl(2, Allow(LocalSystem, 1))), 20 + 4, 5), "ACE" },
        new object[] { Patch(Descriptor(dacl: Acl(2)), 20, 9), "revision" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_descriptor_is_rejected_with_what_is_wrong(byte[] data, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SecurityDescriptor.Parse(data));

        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Patch(byte[] data, int index, byte value)
    {
        var copy = (byte[])data.Clone();
        copy[index] = value;
        return copy;
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        Enumerable.Range(0, haystack.Length - needle.Length + 1).Any(i => haystack.AsSpan(i, needle.Length).SequenceEqual(needle));
}
