using System;
using System.Collections.Generic;
using System.Linq;

namespace HgsDsc.Common.Security
{
    /// <summary>
    /// An ACL in its binary form: the revision, the ACEs in order, and any unused space after the
    /// last ACE, all kept as read so that writing an unchanged list gives the same bytes back.
    /// </summary>
    public sealed class AccessControlList
    {
        private const int HeaderLength = 8;

        private readonly byte[] trailing;
        private readonly byte reserved1;
        private readonly ushort reserved2;

        private AccessControlList(byte revision, IReadOnlyList<AccessControlEntry> entries, byte[] trailing, byte reserved1 = 0, ushort reserved2 = 0)
        {
            Revision = revision;
            Entries = entries;
            this.trailing = trailing;
            this.reserved1 = reserved1;
            this.reserved2 = reserved2;
        }

        /// <summary>ACL_REVISION (2) or ACL_REVISION_DS (4, needed by object ACEs).</summary>
        public byte Revision { get; }

        public IReadOnlyList<AccessControlEntry> Entries { get; }

        /// <summary>The size of the binary form (AclSize), unused space included.</summary>
        public int Length => HeaderLength + Entries.Sum(e => e.Length) + trailing.Length;

        public static AccessControlList Empty(byte revision = 2) =>
            new AccessControlList(revision, Array.Empty<AccessControlEntry>(), Array.Empty<byte>());

        /// <summary>Reads the ACL at <paramref name="offset"/> of a self-relative security descriptor.</summary>
        internal static AccessControlList Read(byte[] data, int offset)
        {
            if (data.Length - offset < HeaderLength)
            {
                throw new FormatException($"The ACL at offset {offset} is truncated.");
            }

            var revision = data[offset];
            if (revision < 2 || revision > 4)
            {
                throw new FormatException($"The ACL at offset {offset} has the unknown revision {revision}.");
            }

            int size = AccessControlEntry.ReadUInt16(data, offset + 2);
            int count = AccessControlEntry.ReadUInt16(data, offset + 4);
            if (size < HeaderLength || offset + size > data.Length)
            {
                throw new FormatException($"The ACL at offset {offset} has the invalid size {size}.");
            }

            var limit = offset + size;
            var entries = new List<AccessControlEntry>(count);
            var position = offset + HeaderLength;
            for (var i = 0; i < count; i++)
            {
                var entry = AccessControlEntry.Read(data, position, limit);
                entries.Add(entry);
                position += entry.Length;
            }

            var trailing = new byte[limit - position];
            Buffer.BlockCopy(data, position, trailing, 0, trailing.Length);
            return new AccessControlList(revision, entries, trailing, data[offset + 1], AccessControlEntry.ReadUInt16(data, offset + 6));
        }

        /// <summary>A copy with <paramref name="entry"/> inserted before the ACE now at <paramref name="index"/>.</summary>
        public AccessControlList Insert(int index, AccessControlEntry entry)
        {
            if (index < 0 || index > Entries.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var entries = Entries.ToList();
            entries.Insert(index, entry);
            var result = new AccessControlList(Revision, entries, trailing, reserved1, reserved2);
            if (result.Length > ushort.MaxValue || entries.Count > ushort.MaxValue)
            {
                throw new InvalidOperationException("The access control list would exceed the 64 KB an ACL can hold.");
            }

            return result;
        }

        /// <summary>
        /// Where a new explicit allow ACE belongs: after every explicit deny ACE (so no existing
        /// deny loses its effect) and before the first inherited ACE that follows them, which is
        /// canonical order for a canonical list and keeps the existing denies first in any other.
        /// </summary>
        public int ExplicitAllowIndex()
        {
            var index = 0;
            for (var i = 0; i < Entries.Count; i++)
            {
                if (Entries[i].IsAnyDeny && !Entries[i].IsInherited)
                {
                    index = i + 1;
                }
            }

            while (index < Entries.Count && !Entries[index].IsInherited)
            {
                index++;
            }

            return index;
        }

        public byte[] ToBinary()
        {
            var data = new byte[Length];
            WriteTo(data, 0);
            return data;
        }

        internal void WriteTo(byte[] target, int offset)
        {
            target[offset] = Revision;
            target[offset + 1] = reserved1;
            AccessControlEntry.WriteUInt16(target, offset + 2, (ushort)Length);
            AccessControlEntry.WriteUInt16(target, offset + 4, (ushort)Entries.Count);
            AccessControlEntry.WriteUInt16(target, offset + 6, reserved2);
            var position = offset + HeaderLength;
            foreach (var entry in Entries)
            {
                entry.WriteTo(target, position);
                position += entry.Length;
            }

            Buffer.BlockCopy(trailing, 0, target, position, trailing.Length);
        }
    }
}
