using System.Collections;
using System.Management.Automation;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>
/// How HGS holds a certificate, read from CertificateData in each shape it can arrive in. Only a
/// positive sign of a PFX file lets a certificate be skipped.
/// </summary>
public sealed class CertificateDataShapeTests
{
    private const string Reference = "Microsoft.Windows.KpsServer.Common.CertificateManagement.CertificateReference";

    private static PSObject Typed(string typeName, params (string Name, object? Value)[] properties)
    {
        var data = new PSObject();
        data.TypeNames.Insert(0, typeName);
        foreach (var (name, value) in properties)
        {
            data.Properties.Add(new PSNoteProperty(name, value));
        }

        return data;
    }

    private static object? RoundTrip(object data, int depth) =>
        PSSerializer.Deserialize(PSSerializer.Serialize(new PSObject(new Holder { CertificateData = data }), depth)) is PSObject holder
            ? holder.Properties["CertificateData"].Value
            : null;

    [Fact]
    public void A_live_reference_is_added_by_thumbprint()
    {
        Assert.Equal(CertificateOrigin.StoreReference, CertificateDataShape.Origin(Typed(Reference, ("StoreName", "My"))));
        Assert.Equal(Reference, CertificateDataShape.Describe(Typed(Reference)));
    }

    [Fact]
    public void A_reference_serialized_to_depth_2_keeps_its_deserialized_type_name()
    {
        var deserialized = RoundTrip(Typed(Reference, ("StoreName", "My")), 2);

        Assert.Contains("Deserialized." + Reference, ((PSObject)deserialized!).TypeNames);
        Assert.Equal(CertificateOrigin.StoreReference, CertificateDataShape.Origin(deserialized));
    }

    [Fact]
    public void A_reference_flattened_at_depth_1_is_only_its_type_name_and_is_still_added_by_thumbprint()
    {
        var flattened = RoundTrip(new FlattensToTypeName(Reference), 1);

        Assert.Equal(Reference, Assert.IsType<string>(flattened));
        Assert.Equal(CertificateOrigin.StoreReference, CertificateDataShape.Origin(flattened));
        Assert.Equal(CertificateOrigin.StoreReference, CertificateDataShape.Origin(new PSObject(Reference)));
        Assert.Equal(Reference, CertificateDataShape.Describe(flattened));
    }

    [Fact]
    public void Data_with_a_store_name_is_a_reference_whatever_its_type()
    {
        Assert.Equal(CertificateOrigin.StoreReference, CertificateDataShape.Origin(new Hashtable { ["StoreName"] = "My", ["Thumbprint"] = "AA" }));
    }

    [Theory]
    [InlineData("HgsStub.PfxCertificateData")]
    [InlineData("Microsoft.Windows.KpsServer.Common.CertificateManagement.PfxCertificate")]
    [InlineData("Deserialized.Contoso.CertificateFromPFX")]
    [InlineData("Microsoft.Windows.KpsServer.Common.CertificateManagement.FullCertificate")]
    public void Only_data_whose_type_names_a_PFX_file_is_added_from_a_PFX_file(string typeName)
    {
        Assert.Equal(CertificateOrigin.Pfx, CertificateDataShape.Origin(Typed(typeName)));
        Assert.Equal(CertificateOrigin.Pfx, CertificateDataShape.Origin(typeName.Replace("Deserialized.", string.Empty)));
        Assert.Equal(CertificateOrigin.Pfx, CertificateDataShape.Origin(RoundTrip(new FlattensToTypeName(typeName), 1)));
    }

    [Theory]
    [InlineData("Microsoft.Windows.KpsServer.Common.CertificateManagement.CertificateData")]
    [InlineData("System.Byte[]")]
    [InlineData("@{Data=System.Byte[]; Source=Pfx file}")]
    [InlineData("   ")]
    public void Anything_else_is_unrecognised_and_so_checked_as_added_by_thumbprint(string shape)
    {
        Assert.Equal(CertificateOrigin.Unrecognized, CertificateDataShape.Origin(shape));
        Assert.Equal(CertificateOrigin.Unrecognized, CertificateDataShape.Origin(Typed(shape.Trim().Length == 0 ? "Contoso.Unknown" : shape)));
    }

    [Fact]
    public void No_data_is_unrecognised_and_described_as_nothing()
    {
        Assert.Equal(CertificateOrigin.Unrecognized, CertificateDataShape.Origin(null));
        Assert.Null(CertificateDataShape.Describe(null));
        Assert.True(new HgsCertificateUse("AA", CertificateType.Signing, true, CertificateOrigin.Unrecognized).AddedByThumbprint);
        Assert.False(new HgsCertificateUse("AA", CertificateType.Signing, true, CertificateOrigin.Pfx).AddedByThumbprint);
    }

    /// <summary>A .NET object as the real cmdlet returns it, so that the serializer's depth applies to its property.</summary>
    public sealed class Holder
    {
        public object? CertificateData { get; set; }
    }

    /// <summary>A .NET type that, like one that does not override ToString, is written as its type name past the depth.</summary>
    public sealed class FlattensToTypeName
    {
        private readonly string typeName;

        public FlattensToTypeName(string typeName) => this.typeName = typeName;

        public string Marker { get; set; } = "kept only within the depth";

        public override string ToString() => typeName;
    }
}
