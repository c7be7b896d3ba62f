using HgsDsc.Common.Accounts;

namespace HgsDsc.Tests.Common.Security;

/// <summary>
/// Builds self-relative security descriptors byte by byte, following the documented layouts of
/// SECURITY_DESCRIPTOR_RELATIVE, ACL and ACE, independently of the code under test.
/// </summary>
public static class DescriptorBytes
{
    public const ushort SelfRelative = 0x8000;
    public const ushort DaclPresent = 0x0004;
    public const ushort SaclPresent = 0x0010;
    public const ushort DaclProtected = 0x1000;

    public static readonly Sid LocalSystem = Sid.Parse("S-1-5-18");
    public static readonly Sid Administrators = Sid.Parse("S-1-5-32-544");
    public static readonly Sid Everyone = Sid.Parse("S-1-1-0");
    public static readonly Sid Gmsa = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-1617");
    public static readonly Sid OtherAccount = Sid.Parse("S-1-5-21-1004336348-1177238915-682003330-2001");

    public static byte[] Allow(Sid sid, uint mask, byte flags = 0) => Ace(0x00, flags, mask, sid);

    public static byte[] Deny(Sid sid, uint mask, byte flags = 0) => Ace(0x01, flags, mask, sid);

    public static byte[] Audit(Sid sid, uint mask, byte flags = 0xC0) => Ace(0x02, flags, mask, sid);

    /// <summary>ACCESS_ALLOWED_OBJECT_ACE with an object type GUID (ACL_REVISION_DS).</summary>
    public static byte[] AllowObject(Sid sid, uint mask, Guid objectType)
    {
        var sidBytes = sid.ToBinary();
        var body = new List<byte>();
        body.AddRange(BitConverter.GetBytes(mask));
        body.AddRange(BitConverter.GetBytes(1u)); // ACE_OBJECT_TYPE_PRESENT
        body.AddRange(objectType.ToByteArray());
        body.AddRange(sidBytes);
        return Header(0x05, 0, body);
    }

    /// <summary>ACCESS_DENIED_CALLBACK_ACE: mask, SID, then application data.</summary>
    public static byte[] DenyCallback(Sid sid, uint mask, byte[] applicationData)
    {
        var body = new List<byte>();
        body.AddRange(BitConverter.GetBytes(mask));
        body.AddRange(sid.ToBinary());
        body.AddRange(applicationData);
        while ((body.Count + 4) % 4 != 0)
        {
            body.Add(0);
        }

        return Header(0x0A, 0, body);
    }

    public static byte[] Acl(byte revision, params byte[][] aces) => AclWithSlack(revision, 0, aces);

    /// <summary>An ACL whose AclSize leaves <paramref name="slack"/> unused bytes after the last ACE.</summary>
    public static byte[] AclWithSlack(byte revision, int slack, params byte[][] aces)
    {
        var size = 8 + aces.Sum(a => a.Length) + slack;
        var acl = new List<byte> { revision, 0 };
        acl.AddRange(BitConverter.GetBytes((ushort)size));
        acl.AddRange(BitConverter.GetBytes((ushort)aces.Length));
        acl.AddRange(new byte[2]);
        foreach (var ace in aces)
        {
            acl.AddRange(ace);
        }

        acl.AddRange(Enumerable.Repeat((byte)0xEE, slack));
        return acl.ToArray();
    }

    /// <summary>
    /// A descriptor whose parts appear in the order given (each part: "owner", "group", "sacl",
    /// "dacl"); a null part is absent. <paramref name="nullDacl"/> sets DACL_PRESENT without a DACL.
    /// </summary>
    public static byte[] Descriptor(
        Sid? owner = null, Sid? group = null, byte[]? sacl = null, byte[]? dacl = null, bool nullDacl = false,
        ushort extraControl = 0, string[]? order = null)
    {
        var parts = new Dictionary<string, byte[]?>
        {
            ["owner"] = owner?.ToBinary(),
            ["group"] = group?.ToBinary(),
            ["sacl"] = sacl,
            ["dacl"] = dacl,
        };
        var control = (ushort)(SelfRelative | extraControl | (sacl != null ? SaclPresent : 0) | (dacl != null || nullDacl ? DaclPresent : 0));
        var data = new List<byte> { 1, 0 };
        data.AddRange(BitConverter.GetBytes(control));
        data.AddRange(new byte[16]);
        var offsets = new Dictionary<string, int>();
        foreach (var name in order ?? new[] { "owner", "group", "sacl", "dacl" })
        {
            if (parts[name] is { } bytes)
            {
                offsets[name] = data.Count;
                data.AddRange(bytes);
            }
        }

        var result = data.ToArray();
        WriteOffset(result, 4, offsets, "owner");
        WriteOffset(result, 8, offsets, "group");
        WriteOffset(result, 12, offsets, "sacl");
        WriteOffset(result, 16, offsets, "dacl");
        return result;
    }

    /// <summary>The usual DACL of a machine key: SYSTEM and Administrators with full control.</summary>
    public static byte[] MachineKeyDescriptor(params byte[][] extraAces) =>
        Descriptor(dacl: Acl(2, new[] { Allow(LocalSystem, 0x10000000), Allow(Administrators, 0x10000000) }.Concat(extraAces).ToArray()));

    private static byte[] Ace(byte type, byte flags, uint mask, Sid sid)
    {
        var body = new List<byte>();
        body.AddRange(BitConverter.GetBytes(mask));
        body.AddRange(sid.ToBinary());
        return Header(type, flags, body);
    }

    private static byte[] Header(byte type, byte flags, List<byte> body)
    {
        var ace = new List<byte> { type, flags };
        ace.AddRange(BitConverter.GetBytes((ushort)(4 + body.Count)));
        ace.AddRange(body);
        return ace.ToArray();
    }

    private static void WriteOffset(byte[] data, int field, Dictionary<string, int> offsets, string name)
    {
        var value = offsets.TryGetValue(name, out var offset) ? offset : 0;
        BitConverter.GetBytes((uint)value).CopyTo(data, field);
    }
}
