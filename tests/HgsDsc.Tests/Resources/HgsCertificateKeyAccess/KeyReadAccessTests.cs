using HgsDsc.Common.Security;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using Xunit;
using static HgsDsc.Tests.Common.Security.DescriptorBytes;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>What Read on a private key means in its DACL, and the one entry that grants it.</summary>
public sealed class KeyReadAccessTests
{
    private static KeyAccessEvaluation Evaluate(byte[] descriptor) =>
        KeyReadAccess.Evaluate(SecurityDescriptor.Parse(descriptor), Gmsa);

    [Theory]
    [InlineData(0x80000000u)] // GENERIC_READ, as a CNG key stores it
    [InlineData(0x10000000u)] // GENERIC_ALL
    [InlineData(0x00120089u)] // FILE_GENERIC_READ, as certlm.msc and a FileSystemAccessRule 'Read' write it
    [InlineData(0x001200A9u)] // Read & execute
    [InlineData(0x001F01FFu)] // full control in specific rights
    public void An_allow_entry_with_read_rights_in_either_form_grants_Read(uint mask)
    {
        Assert.Equal(KeyAccessState.Granted, Evaluate(MachineKeyDescriptor(Allow(Gmsa, mask))).State);
    }

    [Theory]
    [InlineData(0x00000001u)] // ReadData alone is not the Read permission
    [InlineData(0x00020089u)] // Read without SYNCHRONIZE: CreateFile asks for SYNCHRONIZE, so the key file does not open
    [InlineData(0x40000000u)] // GENERIC_WRITE
    [InlineData(0x20000000u)] // GENERIC_EXECUTE: READ_CONTROL, FILE_READ_ATTRIBUTES and SYNCHRONIZE, not the data
    [InlineData(0x00020000u)] // ReadPermissions
    public void Partial_or_other_rights_do_not_grant_Read(uint mask)
    {
        Assert.Equal(KeyAccessState.NotGranted, Evaluate(MachineKeyDescriptor(Allow(Gmsa, mask))).State);
    }

    [Theory]
    [InlineData(0x00000001u)] // FILE_READ_DATA
    [InlineData(0x00100000u)] // SYNCHRONIZE, which opening the key file asks for
    [InlineData(0x40000000u)] // GENERIC_WRITE maps to FILE_GENERIC_WRITE, which holds READ_CONTROL and SYNCHRONIZE
    [InlineData(0x20000000u)] // GENERIC_EXECUTE maps to FILE_GENERIC_EXECUTE, likewise
    [InlineData(0x10000000u)] // GENERIC_ALL
    public void A_deny_of_any_right_reading_needs_takes_Read_away_generic_rights_mapped_first(uint mask)
    {
        var evaluation = Evaluate(MachineKeyDescriptor(Deny(Gmsa, mask), Allow(Gmsa, 0x00120089)));

        Assert.Equal(KeyAccessState.Denied, evaluation.State);
        Assert.Equal(mask, evaluation.DeniedMask);
    }

    [Theory]
    [InlineData(0x00010000u)] // DELETE
    [InlineData(0x00000116u)] // Write as a FileSystemAccessRule Deny stores it (SYNCHRONIZE taken out)
    public void A_deny_of_rights_reading_does_not_need_leaves_Read(uint mask)
    {
        Assert.Equal(KeyAccessState.Granted, Evaluate(MachineKeyDescriptor(Deny(Gmsa, mask), Allow(Gmsa, 0x80000000))).State);
    }

    [Theory]
    [InlineData(0x80000000u, 0x00120089u)]
    [InlineData(0x40000000u, 0x00120116u)]
    [InlineData(0x20000000u, 0x001200A0u)]
    [InlineData(0x10000000u, 0x001F01FFu)]
    [InlineData(0x80010001u, 0x00130089u)]
    public void Generic_rights_map_to_the_file_rights_of_the_key_container(uint mask, uint expected)
    {
        Assert.Equal(expected, KeyReadAccess.MapGenericRights(mask));
    }

    [Fact]
    public void Read_split_over_two_allow_entries_of_the_account_counts()
    {
        Assert.Equal(KeyAccessState.Granted, Evaluate(MachineKeyDescriptor(Allow(Gmsa, 0x120000), Allow(Gmsa, 0x89))).State);
    }

    [Fact]
    public void Entries_for_other_accounts_and_inherit_only_entries_do_not_count()
    {
        var descriptor = MachineKeyDescriptor(Allow(OtherAccount, 0x80000000), Allow(Gmsa, 0x80000000, 0x08));

        Assert.Equal(KeyAccessState.NotGranted, Evaluate(descriptor).State);
    }

    [Fact]
    public void A_deny_entry_for_the_account_wins_over_any_grant_and_its_rights_are_reported()
    {
        var evaluation = Evaluate(MachineKeyDescriptor(Allow(Gmsa, 0x80000000), Deny(Gmsa, 0x00000001)));

        Assert.Equal(KeyAccessState.Denied, evaluation.State);
        Assert.Equal(1u, evaluation.DeniedMask);
    }

    [Fact]
    public void A_key_without_a_DACL_or_with_a_NULL_DACL_is_open_to_everyone()
    {
        Assert.Equal(KeyAccessState.Unrestricted, Evaluate(Descriptor(owner: Administrators)).State);
        Assert.Equal(KeyAccessState.Unrestricted, Evaluate(Descriptor(nullDacl: true)).State);
        Assert.Equal(KeyAccessState.NotGranted, Evaluate(Descriptor(dacl: Acl(2))).State);
    }

    [Theory]
    [InlineData(KeyProviderKind.Cng, 0x80000000u)]
    [InlineData(KeyProviderKind.Capi, 0x00120089u)]
    public void Granting_Read_adds_exactly_one_allow_entry_with_the_provider_s_read_rights_and_keeps_everything_else(KeyProviderKind kind, uint expectedMask)
    {
        var deny = Deny(OtherAccount, 0x80000000);
        var system = Allow(LocalSystem, 0x10000000);
        var inherited = Allow(Everyone, 0x120089, 0x10);
        var sacl = Acl(2, Audit(Everyone, 0x10000000));
        var original = Descriptor(Administrators, LocalSystem, sacl, Acl(2, deny, system, inherited), order: new[] { "sacl", "dacl", "owner", "group" });

        var granted = KeyReadAccess.GrantRead(SecurityDescriptor.Parse(original), Gmsa, kind);

        var expected = Descriptor(Administrators, LocalSystem, sacl, Acl(2, deny, system, Allow(Gmsa, expectedMask), inherited), order: new[] { "sacl", "dacl", "owner", "group" });
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(granted.ToBinary()));
        Assert.Equal(KeyAccessState.Granted, KeyReadAccess.Evaluate(granted, Gmsa).State);
    }

    [Fact]
    public void Read_is_never_more_than_read()
    {
        Assert.Equal(0u, KeyReadAccess.ReadMaskFor(KeyProviderKind.Cng) & ~0x80000000u);
        Assert.Equal(0u, KeyReadAccess.ReadMaskFor(KeyProviderKind.Capi) & ~0x00120089u);
    }

    [Fact]
    public void A_key_without_a_DACL_is_never_given_one_because_that_would_lock_everyone_else_out()
    {
        Assert.Throws<InvalidOperationException>(() => KeyReadAccess.GrantRead(SecurityDescriptor.Parse(Descriptor(nullDacl: true)), Gmsa, KeyProviderKind.Cng));
    }
}
