using HgsDsc.Resources.HgsDumpPolicy;
using NSubstitute;

namespace HgsDsc.Tests.Resources.HgsDumpPolicy;

/// <summary>
/// A substitute HGS that keeps its attestation policies and changes them as the cmdlets would,
/// and that records, after every change, which kinds of Hyper-V host would pass attestation.
/// </summary>
public sealed class FakeHgs
{
    public const string Version = "PolicyVersion1704";

    public FakeHgs(params AttestationPolicy[] policies)
    {
        Policies.AddRange(policies);
        Hgs.CanAddDumpKeys().Returns(_ => CanAddDumpKeys);
        Hgs.GetPolicies().Returns(_ => Policies.ToArray());
        Hgs.When(h => h.Enable(Arg.Any<AttestationPolicy>())).Do(c => Change(c.Arg<AttestationPolicy>(), AttestationPolicyState.Enabled));
        Hgs.When(h => h.Disable(Arg.Any<AttestationPolicy>())).Do(c => Change(c.Arg<AttestationPolicy>(), AttestationPolicyState.Disabled));
        Hgs.When(h => h.Remove(Arg.Any<AttestationPolicy>())).Do(c =>
        {
            Policies.Remove(Find(c.Arg<AttestationPolicy>()));
            Record();
        });
        Hgs.When(h => h.AddDumpKey(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string?>())).Do(c =>
        {
            Policies.Add(new AttestationPolicy(c.ArgAt<string>(0), "DumpEncryptionKey", AddsKeysAs, c.ArgAt<string?>(2), false, c.ArgAt<string>(1)));
            Record();
        });
        Accepted.Add(AcceptedHosts());
    }

    public IHgsAttestationPolicies Hgs { get; } = Substitute.For<IHgsAttestationPolicies>();

    public List<AttestationPolicy> Policies { get; } = new();

    public bool CanAddDumpKeys { get; set; } = true;

    /// <summary>The state Add-HgsAttestationDumpPolicy gives a new policy (not documented; both are handled).</summary>
    public AttestationPolicyState AddsKeysAs { get; set; } = AttestationPolicyState.Enabled;

    /// <summary>The hosts that pass attestation: first before any change, then after each change.</summary>
    public List<HashSet<Host>> Accepted { get; } = new();

    /// <summary>The three dump policies in one policy version, as an updated HGS has them.</summary>
    public static AttestationPolicy[] DumpPolicies(
        AttestationPolicyState noDumps,
        AttestationPolicyState dumpEncryption,
        AttestationPolicyState dumpEncryptionKey,
        string? version = Version) => new[]
    {
        new AttestationPolicy("Hgs_NoDumps", "NoDumps", noDumps, version),
        new AttestationPolicy("Hgs_DumpEncryption", "DumpEncryption", dumpEncryption, version),
        new AttestationPolicy("Hgs_DumpEncryptionKey", "DumpEncryptionKey", dumpEncryptionKey, version),
    };

    public static AttestationPolicy Key(string name, string hash, AttestationPolicyState state = AttestationPolicyState.Enabled, string? version = Version) =>
        new(name, "DumpEncryptionKey", state, version, false, hash);

    public AttestationPolicyState StateOf(string name) => Policies.Single(p => p.Name == name && !p.IsStaged).State;

    /// <summary>Whether this HGS lets the host attest, by the documented meaning of the three dump policies.</summary>
    public bool Accepts(Host host)
    {
        bool On(string name) => Policies.Where(p => p.Name == name && !p.IsStaged).All(p => p.IsEnforced);
        if (On("Hgs_NoDumps"))
        {
            return host.Dumps == DumpMode.Off;
        }

        if (!On("Hgs_DumpEncryption") || host.Dumps == DumpMode.Off)
        {
            return true;
        }

        return host.Dumps == DumpMode.Encrypted
            && (!On("Hgs_DumpEncryptionKey") || Policies.Any(p => p.IsEnforced && p.PublicKeyHash == host.KeyHash && !p.Name.StartsWith("Hgs_", StringComparison.Ordinal)));
    }

    private HashSet<Host> AcceptedHosts() => Host.All.Where(Accepts).ToHashSet();

    private AttestationPolicy Find(AttestationPolicy policy) =>
        Policies.Single(p => p.Name == policy.Name && p.PolicyVersion == policy.PolicyVersion && !p.IsStaged);

    private void Change(AttestationPolicy policy, AttestationPolicyState state)
    {
        var found = Find(policy);
        if (found.State == AttestationPolicyState.Locked)
        {
            throw new InvalidOperationException(policy.Name + " is locked.");
        }

        Policies[Policies.IndexOf(found)] = new AttestationPolicy(found.Name, found.PolicyType, state, found.PolicyVersion, found.IsStaged, found.PublicKeyHash);
        Record();
    }

    private void Record() => Accepted.Add(AcceptedHosts());
}

public enum DumpMode
{
    Off,
    Encrypted,
    Unencrypted,
}

/// <summary>A kind of Hyper-V host, by how it writes memory dumps.</summary>
public sealed record Host(string Name, DumpMode Dumps, string? KeyHash)
{
    public const string KeyA = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    public const string KeyB = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    public const string KeyC = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";

    public static readonly Host[] All =
    {
        new("no dumps", DumpMode.Off, null),
        new("dumps encrypted with key A", DumpMode.Encrypted, KeyA),
        new("dumps encrypted with key B", DumpMode.Encrypted, KeyB),
        new("dumps encrypted with key C", DumpMode.Encrypted, KeyC),
        new("unencrypted dumps", DumpMode.Unencrypted, null),
    };

    public override string ToString() => Name;
}
