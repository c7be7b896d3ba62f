using System;
using System.Collections.Generic;
using System.Linq;
using HgsDsc.Common.Accounts;

namespace HgsDsc.Common.Security
{
    /// <summary>
    /// A self-relative SECURITY_DESCRIPTOR read and written without Windows (System.Security.AccessControl
    /// is not available to netstandard2.0 here). The DACL is read ACE by ACE; the owner, the group,
    /// the SACL, the control bits and every ACE are kept as the bytes they were, so a change to the
    /// DACL changes nothing else. The parts are written one after the other in their original order.
    /// </summary>
    public sealed class SecurityDescriptor
    {
        public const ushort DaclPresentFlag = 0x0004;
        public const ushort SaclPresentFlag = 0x0010;
        public const ushort SelfRelativeFlag = 0x8000;

        private const int HeaderLength = 20;

        private readonly byte revision;
        private readonly byte resourceManagerControl;
        private readonly byte[]? owner;
        private readonly byte[]? group;
        private readonly byte[]? sacl;
        private readonly IReadOnlyList<Part> order;

        private SecurityDescriptor(
            byte revision, byte resourceManagerControl, ushort control, byte[]? owner, byte[]? group, byte[]? sacl, AccessControlList? dacl, IReadOnlyList<Part> order)
        {
            this.revision = revision;
            this.resourceManagerControl = resourceManagerControl;
            Control = control;
            this.owner = owner;
            this.group = group;
            this.sacl = sacl;
            Dacl = dacl;
            this.order = order;
        }

        private enum Part
        {
            Owner,
            Group,
            Sacl,
            Dacl,
        }

        /// <summary>The SECURITY_DESCRIPTOR_CONTROL bits.</summary>
        public ushort Control { get; }

        /// <summary>
        /// The DACL, or null when there is none: either the descriptor has no DACL or it has a NULL
        /// DACL. Both mean that every account has full access.
        /// </summary>
        public AccessControlList? Dacl { get; }

        public Sid? Owner => owner == null ? null : Sid.FromBinary(owner);

        public Sid? Group => group == null ? null : Sid.FromBinary(group);

        public bool HasSacl => sacl != null;

        public static SecurityDescriptor Parse(byte[] data)
        {
            if (data == null || data.Length < HeaderLength)
            {
                throw new FormatException("The security descriptor is shorter than its 20-byte header.");
            }

            if (data[0] != 1)
            {
                throw new FormatException($"The security descriptor has the unknown revision {data[0]}.");
            }

            var control = AccessControlEntry.ReadUInt16(data, 2);
            if ((control & SelfRelativeFlag) == 0)
            {
                throw new FormatException("The security descriptor is not in self-relative form.");
            }

            var offsets = new Dictionary<Part, int>
            {
                [Part.Owner] = CheckedOffset(data, 4, "owner"),
                [Part.Group] = CheckedOffset(data, 8, "group"),
                [Part.Sacl] = (control & SaclPresentFlag) != 0 ? CheckedOffset(data, 12, "SACL") : 0,
                [Part.Dacl] = (control & DaclPresentFlag) != 0 ? CheckedOffset(data, 16, "DACL") : 0,
            };

            byte[]? owner = offsets[Part.Owner] == 0 ? null : ReadSid(data, offsets[Part.Owner]);
            byte[]? group = offsets[Part.Group] == 0 ? null : ReadSid(data, offsets[Part.Group]);
            byte[]? sacl = offsets[Part.Sacl] == 0 ? null : ReadRawAcl(data, offsets[Part.Sacl]);
            var dacl = offsets[Part.Dacl] == 0 ? null : AccessControlList.Read(data, offsets[Part.Dacl]);
            var order = offsets.Where(o => o.Value != 0).OrderBy(o => o.Value).Select(o => o.Key).ToArray();
            return new SecurityDescriptor(data[0], data[1], control, owner, group, sacl, dacl, order);
        }

        /// <summary>A copy whose DACL is <paramref name="dacl"/>; every other part stays as it was.</summary>
        public SecurityDescriptor WithDacl(AccessControlList dacl)
        {
            var order = this.order.Contains(Part.Dacl) ? this.order : this.order.Concat(new[] { Part.Dacl }).ToArray();
            return new SecurityDescriptor(revision, resourceManagerControl, (ushort)(Control | DaclPresentFlag), owner, group, sacl, dacl, order);
        }

        public byte[] ToBinary()
        {
            var parts = order
                .Select(p => new { Part = p, Length = PartLength(p) })
                .Where(p => p.Length > 0)
                .ToArray();
            var data = new byte[HeaderLength + parts.Sum(p => p.Length)];
            data[0] = revision;
            data[1] = resourceManagerControl;
            AccessControlEntry.WriteUInt16(data, 2, Control);
            var position = HeaderLength;
            foreach (var part in parts)
            {
                AccessControlEntry.WriteUInt32(data, OffsetField(part.Part), (uint)position);
                switch (part.Part)
                {
                    case Part.Owner:
                        Buffer.BlockCopy(owner!, 0, data, position, owner!.Length);
                        break;
                    case Part.Group:
                        Buffer.BlockCopy(group!, 0, data, position, group!.Length);
                        break;
                    case Part.Sacl:
                        Buffer.BlockCopy(sacl!, 0, data, position, sacl!.Length);
                        break;
                    default:
                        Dacl!.WriteTo(data, position);
                        break;
                }

                position += part.Length;
            }

            return data;
        }

        private int PartLength(Part part)
        {
            switch (part)
            {
                case Part.Owner:
                    return owner?.Length ?? 0;
                case Part.Group:
                    return group?.Length ?? 0;
                case Part.Sacl:
                    return sacl?.Length ?? 0;
                default:
                    return Dacl?.Length ?? 0;
            }
        }

        private static int OffsetField(Part part)
        {
            switch (part)
            {
                case Part.Owner:
                    return 4;
                case Part.Group:
                    return 8;
                case Part.Sacl:
                    return 12;
                default:
                    return 16;
            }
        }

        private static int CheckedOffset(byte[] data, int field, string what)
        {
            var offset = AccessControlEntry.ReadUInt32(data, field);
            if (offset != 0 && (offset < HeaderLength || offset >= data.Length))
            {
                throw new FormatException($"The {what} offset {offset} of the security descriptor lies outside its {data.Length} bytes.");
            }

            return (int)offset;
        }

        private static byte[] ReadSid(byte[] data, int offset)
        {
            var length = Sid.FromBinary(data, offset).BinaryLength;
            var raw = new byte[length];
            Buffer.BlockCopy(data, offset, raw, 0, length);
            return raw;
        }

        private static byte[] ReadRawAcl(byte[] data, int offset)
        {
            if (data.Length - offset < 8)
            {
                throw new FormatException($"The SACL at offset {offset} is truncated.");
            }

            int size = AccessControlEntry.ReadUInt16(data, offset + 2);
            if (size < 8 || offset + size > data.Length)
            {
                throw new FormatException($"The SACL at offset {offset} has the invalid size {size}.");
            }

            var raw = new byte[size];
            Buffer.BlockCopy(data, offset, raw, 0, size);
            return raw;
        }
    }
}
