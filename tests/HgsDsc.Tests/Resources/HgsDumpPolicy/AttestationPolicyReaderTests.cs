using System.Management.Automation;
using HgsDsc.Resources.HgsDumpPolicy;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsDumpPolicy;

/// <summary>Reading AttestationPolicyInfo objects in the shapes they may have, live and deserialized.</summary>
public sealed class AttestationPolicyReaderTests
{
    private const string Hash = "E91C254AD58860A02C788DFB5C1A65D6A8846AB1DC649631C7DB16FEF4AF2DEC";

    public enum PolicyStateLike
    {
        Disabled,
        Enabled,
        Locked,
    }

    public enum PolicyVersionLike
    {
        None,
        PolicyVersion1503,
        PolicyVersion1704,
    }

    /// <summary>Stands in for the live AttestationPolicyInfo type of the HgsAttestation module.</summary>
    public sealed class AttestationPolicyInfo
    {
        public string? Name { get; set; }

        public string? PolicyType { get; set; }

        public PolicyStateLike State { get; set; }

        public PolicyVersionLike PolicyVersion { get; set; }

        public bool Stage { get; set; }

        public string? PublicKeyHash { get; set; }
    }

    private static PSObject Deserialized(object value) =>
        (PSObject)PSSerializer.Deserialize(PSSerializer.Serialize(value));

    private static PSObject Bag(params (string Name, object? Value)[] properties)
    {
        var bag = new PSObject();
        foreach (var (name, value) in properties)
        {
            bag.Properties.Add(new PSNoteProperty(name, value));
        }

        return bag;
    }

    private static AttestationPolicyInfo KeyPolicy() => new()
    {
        Name = "Contoso Dump Encryption",
        PolicyType = "DumpEncryptionKey",
        State = PolicyStateLike.Locked,
        PolicyVersion = PolicyVersionLike.PolicyVersion1704,
        PublicKeyHash = Hash.ToLowerInvariant(),
    };

    [Fact]
    public void Reads_a_live_object()
    {
        var policy = AttestationPolicyReader.Read(PSObject.AsPSObject(KeyPolicy()))!;

        Assert.Equal("Contoso Dump Encryption", policy.Name);
        Assert.Equal("DumpEncryptionKey", policy.PolicyType);
        Assert.Equal(AttestationPolicyState.Locked, policy.State);
        Assert.Equal("PolicyVersion1704", policy.PolicyVersion);
        Assert.False(policy.IsStaged);
        Assert.Equal(Hash, policy.PublicKeyHash);
        Assert.True(policy.IsEnforced);
    }

    [Fact]
    public void Reads_a_deserialized_object_with_its_enums()
    {
        var item = Deserialized(KeyPolicy());
        Assert.Contains(item.TypeNames, t => t.StartsWith("Deserialized.", StringComparison.Ordinal));

        var policy = AttestationPolicyReader.Read(item)!;

        Assert.Equal(AttestationPolicyState.Locked, policy.State);
        Assert.Equal("PolicyVersion1704", policy.PolicyVersion);
        Assert.Equal(Hash, policy.PublicKeyHash);
    }

    [Theory]
    [InlineData(true, false, AttestationPolicyState.Enabled)]
    [InlineData(false, false, AttestationPolicyState.Disabled)]
    [InlineData(true, true, AttestationPolicyState.Locked)]
    public void Reads_the_flag_shape_live_and_deserialized(bool enabled, bool locked, AttestationPolicyState expected)
    {
        var bag = Bag(("Name", "Hgs_NoDumps"), ("Type", "NoDumps"), ("Enabled", enabled), ("Locked", locked), ("Version", "PolicyVersion1503"), ("IsStaged", true));

        foreach (var item in new[] { bag, Deserialized(bag) })
        {
            var policy = AttestationPolicyReader.Read(item)!;
            Assert.Equal("NoDumps", policy.PolicyType);
            Assert.Equal(expected, policy.State);
            Assert.Equal("PolicyVersion1503", policy.PolicyVersion);
            Assert.True(policy.IsStaged);
        }
    }

    [Fact]
    public void Version_None_means_unversioned()
    {
        var info = KeyPolicy();
        info.PolicyVersion = PolicyVersionLike.None;

        Assert.Null(AttestationPolicyReader.Read(PSObject.AsPSObject(info))!.PolicyVersion);
        Assert.Null(AttestationPolicyReader.Read(Bag(("Name", "Hgs_NoDumps"), ("State", "Enabled")))!.PolicyVersion);
    }

    [Fact]
    public void A_state_it_does_not_know_is_Unknown_not_a_guess()
    {
        Assert.Equal(AttestationPolicyState.Unknown, AttestationPolicyReader.Read(Bag(("Name", "Hgs_NoDumps"), ("State", "Pending")))!.State);
        Assert.Equal(AttestationPolicyState.Unknown, AttestationPolicyReader.Read(Bag(("Name", "Hgs_NoDumps")))!.State);
    }

    [Fact]
    public void The_hash_of_a_policy_HgsDsc_named_is_read_from_its_name_when_the_object_hides_it()
    {
        var policy = AttestationPolicyReader.Read(Bag(("Name", DumpKeyPolicyName.For(Hash).ToLowerInvariant()), ("State", "Enabled")))!;

        Assert.Equal(Hash, policy.PublicKeyHash);
    }

    [Fact]
    public void A_hash_given_as_bytes_is_read_as_hex()
    {
        var bytes = Convert.FromHexString(Hash);

        Assert.Equal(Hash, AttestationPolicyReader.Read(Bag(("Name", "k"), ("State", "Enabled"), ("KeyHash", bytes)))!.PublicKeyHash);
    }

    [Fact]
    public void A_stage_switch_is_read_live_and_deserialized()
    {
        var bag = Bag(("Name", "Hgs_NoDumps"), ("State", "Enabled"), ("Stage", new SwitchParameter(true)));

        Assert.True(AttestationPolicyReader.Read(bag)!.IsStaged);
        Assert.True(AttestationPolicyReader.Read(Deserialized(bag))!.IsStaged);
    }

    [Fact]
    public void An_object_without_a_name_is_not_a_policy_and_its_shape_can_be_reported()
    {
        var bag = Bag(("Identifier", "x"), ("State", "Enabled"));

        Assert.Null(AttestationPolicyReader.Read(bag));
        Assert.Equal("Identifier, State", AttestationPolicyReader.DescribeShape(bag));
    }
}
