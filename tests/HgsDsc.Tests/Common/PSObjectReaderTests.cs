using System.Collections;
using System.Management.Automation;
using HgsDsc.Common.PowerShell;
using Xunit;

namespace HgsDsc.Tests.Common;

public sealed class PSObjectReaderTests
{
    private enum Color
    {
        Red,
        Blue,
    }

    private static PSObject RoundTrip(object value) =>
        (PSObject)PSSerializer.Deserialize(PSSerializer.Serialize(value));

    [Fact]
    public void Reads_properties_of_live_objects_hashtables_and_deserialized_objects_case_insensitively()
    {
        var live = new { Mode = "Tpm" };
        var table = new Hashtable { ["mode"] = "AD" };
        var bag = new PSObject();
        bag.Properties.Add(new PSNoteProperty("Mode", "HostKey"));

        Assert.Equal("Tpm", PSObjectReader.PropertyText(live, "mode"));
        Assert.Equal("AD", PSObjectReader.PropertyText(PSObject.AsPSObject(table), "Mode"));
        Assert.Equal("HostKey", PSObjectReader.PropertyText(RoundTrip(bag), "MODE"));
        Assert.Null(PSObjectReader.Property(live, "Missing"));
        Assert.Null(PSObjectReader.Property(null, "Mode"));
    }

    [Fact]
    public void Text_unwraps_Value_objects_enums_and_deserialized_enums()
    {
        var wrapper = new PSObject();
        wrapper.Properties.Add(new PSNoteProperty("Value", "AD"));

        Assert.Equal("AD", PSObjectReader.Text(wrapper));
        Assert.Equal("Blue", PSObjectReader.Text(Color.Blue));
        Assert.Equal("Blue", PSObjectReader.Text(RoundTrip(Color.Blue)));
        Assert.Equal("42", PSObjectReader.Text(42));
        Assert.Null(PSObjectReader.Text(null));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData(0, false)]
    public void PropertyBool_accepts_booleans_text_and_numbers(object value, bool expected)
    {
        Assert.Equal(expected, PSObjectReader.PropertyBool(new Hashtable { ["Enabled"] = value }, "Enabled"));
    }

    [Fact]
    public void Items_treats_a_single_value_as_a_list_of_one_and_a_string_as_one_item()
    {
        Assert.Equal(3, PSObjectReader.Items(new[] { 1, 2, 3 }).Count);
        Assert.Single(PSObjectReader.Items("abc"));
        Assert.Single(PSObjectReader.Items(new Hashtable { ["a"] = 1 }));
        Assert.Empty(PSObjectReader.Items(null));
    }
}
