using System.Security.Cryptography.X509Certificates;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using NSubstitute;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>
/// A node's certificates and private keys for the resource tests: a substitute LocalMachine\My
/// that hands out a new certificate object on every look-up, and substitute providers whose keys
/// keep their security descriptor between openings, so that what Set writes is what the next
/// reading sees.
/// </summary>
public sealed class FakeKeys
{
    public const string SoftwareKsp = "Microsoft Software Key Storage Provider";

    public ICertificateStore Store { get; } = Substitute.For<ICertificateStore>();

    public IPrivateKeySecurity Security { get; } = Substitute.For<IPrivateKeySecurity>();

    private readonly Dictionary<string, Key> keys = new(StringComparer.OrdinalIgnoreCase);

    public FakeKeys()
    {
        Security.Open(Arg.Any<X509Certificate2>()).Returns(call => keys[call.Arg<X509Certificate2>().Thumbprint].Open());
    }

    /// <summary>Puts the certificate in the store with a key whose access list is <paramref name="descriptor"/>; a null provider cannot tell its name.</summary>
    public Key Install(X509Certificate2 certificate, byte[] descriptor, KeyProviderKind kind = KeyProviderKind.Cng, string? provider = SoftwareKsp)
    {
        var original = TestCertificates.Copy(certificate);
        Store.Find(certificate.Thumbprint).Returns(_ => TestCertificates.Copy(original));
        var key = new Key(descriptor, kind, provider);
        keys[certificate.Thumbprint] = key;
        return key;
    }

    /// <summary>Takes the certificate out of the store again (for example, deleted by an administrator).</summary>
    public void Remove(X509Certificate2 certificate) => Store.Find(certificate.Thumbprint).Returns((X509Certificate2?)null);

    public sealed class Key
    {
        private readonly KeyProviderKind kind;
        private readonly string? provider;

        public Key(byte[] descriptor, KeyProviderKind kind, string? provider)
        {
            Descriptor = descriptor;
            this.kind = kind;
            this.provider = provider;
        }

        public byte[] Descriptor { get; set; }

        public List<byte[]> Writes { get; } = new();

        public int Openings { get; private set; }

        public int OpenHandles { get; private set; }

        /// <summary>What opening the key throws (an HSM out of reach, a PIN prompt, ...).</summary>
        public PrivateKeyAccessException? OpenFailure { get; set; }

        public PrivateKeyAccessException? ReadFailure { get; set; }

        public PrivateKeyAccessException? WriteFailure { get; set; }

        internal IPrivateKeyHandle Open()
        {
            Openings++;
            if (OpenFailure != null)
            {
                throw OpenFailure;
            }

            OpenHandles++;
            var handle = Substitute.For<IPrivateKeyHandle>();
            handle.Kind.Returns(kind);
            handle.ProviderName.Returns(_ => provider ?? throw new PrivateKeyAccessException(PrivateKeyProblem.Failed, unchecked((int)0x80090029), "NCryptGetProperty(Provider Handle): 0x80090029"));
            handle.ReadSecurityDescriptor().Returns(_ => ReadFailure != null ? throw ReadFailure : (byte[])Descriptor.Clone());
            handle.When(h => h.WriteSecurityDescriptor(Arg.Any<byte[]>())).Do(call =>
            {
                if (WriteFailure != null)
                {
                    throw WriteFailure;
                }

                Descriptor = call.Arg<byte[]>();
                Writes.Add(Descriptor);
            });
            handle.When(h => h.Dispose()).Do(_ => OpenHandles--);
            return handle;
        }
    }
}
