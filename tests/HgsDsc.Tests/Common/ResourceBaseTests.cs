using System.ComponentModel;
using System.Management.Automation;
using HgsDsc.Commands;
using HgsDsc.Common;
using HgsDsc.Generation;
using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Common;

/// <summary>A node with two settings, to test the template every resource inherits.</summary>
public interface ISettingsNode
{
    string? Color { get; set; }

    string[]? Tags { get; set; }
}

[DscResource]
[Description("A test resource.")]
public sealed class SampleSetting : HgsDscResource<SampleSetting>
{
    private readonly ISettingsNode? node;

    public SampleSetting()
    {
    }

    public SampleSetting(ISettingsNode node) => this.node = node;

    [DscProperty(Key = true)]
    [Description("Key.")]
    public string? Name { get; set; }

    [DscProperty]
    [Description("A colour.")]
    public string? Color { get; set; }

    [DscProperty]
    [Description("Tags.")]
    public string[]? Tags { get; set; }

    [DscProperty]
    [Description("A count.")]
    public int? Count { get; set; }

    public List<string> Modified { get; } = new();

    protected override SampleSetting GetCurrentState(SampleSetting desired) =>
        new() { Color = node!.Color, Tags = node.Tags, Count = 1 };

    protected override void Modify(SampleSetting desired, SampleSetting current, IReadOnlyList<StateDifference> differences)
    {
        foreach (var difference in differences)
        {
            Modified.Add(difference.Property);
            if (difference.Property == nameof(Color))
            {
                node!.Color = desired.Color;
            }
        }
    }
}

public sealed class ResourceBaseTests
{
    private sealed class Node : ISettingsNode
    {
        public string? Color { get; set; }

        public string[]? Tags { get; set; }
    }

    private readonly Node node = new() { Color = "blue", Tags = new[] { "a", "b" } };

    private SampleSetting Desired(string? color = null, string[]? tags = null, int? count = null) =>
        new(node) { Name = "x", Color = color, Tags = tags, Count = count };

    [Fact]
    public void Properties_the_configuration_did_not_set_are_not_compared()
    {
        Assert.True(Desired().Test());
        Assert.Empty(Desired().Get().Reasons!);
    }

    [Fact]
    public void Strings_compare_case_insensitively_and_arrays_as_sets()
    {
        Assert.True(Desired(color: " BLUE ", tags: new[] { "B", "a" }).Test());
        Assert.False(Desired(tags: new[] { "a" }).Test());
    }

    [Fact]
    public void Each_difference_becomes_a_reason_with_the_documented_code_and_phrase()
    {
        var reasons = Desired(color: "red", count: 2).Get().Reasons!;

        Assert.Equal(new[] { "SampleSetting:SampleSetting:Color", "SampleSetting:SampleSetting:Count" }, reasons.Select(r => r.Code));
        Assert.Equal("The property Color should be 'red', but was 'blue'. (HGS0008)", reasons[0].Phrase);
    }

    [Fact]
    public void Set_modifies_only_the_properties_that_differ_and_verifies()
    {
        var resource = Desired(color: "red", tags: new[] { "a", "b" });

        resource.Set();

        Assert.Equal(new[] { "Color" }, resource.Modified);
        Assert.Equal("red", node.Color);
    }

    [Fact]
    public void Set_that_does_not_converge_fails_naming_what_still_differs()
    {
        var resource = Desired(count: 5);

        var error = Assert.Throws<NodeOperationException>(resource.Set);

        Assert.Equal("SetDidNotConverge", error.ErrorId);
        Assert.Contains("Count should be '5', but was '1'", error.Message);
    }

    [Fact]
    public void A_missing_key_is_rejected_before_the_node_is_read()
    {
        var resource = new SampleSetting(null!) { Name = " " };

        var error = Assert.Throws<InvalidPropertyValueException>(() => resource.Test());

        Assert.Equal("Name", error.PropertyName);
        Assert.Contains("'Name'", error.Message);
    }

    [Fact]
    public void The_log_hears_what_was_found_and_what_changes()
    {
        var log = new RecordingLog();
        var resource = Desired(color: "red");
        resource.AttachLog(log);

        resource.Set();

        Assert.Contains(log.Verbose, v => v.StartsWith("Changing: The property Color should be 'red'", StringComparison.Ordinal));
        Assert.Contains(log.Verbose, v => v.Contains("now matches the desired state"));
    }

    [Fact]
    public void The_bridge_names_the_property_and_value_it_cannot_convert()
    {
        var twin = new PSObject();
        twin.Properties.Add(new PSNoteProperty("Name", "x"));
        twin.Properties.Add(new PSNoteProperty("Count", "many"));

        var error = Assert.Throws<InvalidPropertyValueException>(() => InvokeHgsDscResourceMethodCommand.CreateResource(DscResourceDescriptor.For(typeof(SampleSetting)), twin));

        Assert.Equal("Count", error.PropertyName);
        Assert.Contains("'many'", error.Message);
    }

    [Fact]
    public void The_bridge_returns_enums_as_names_and_reasons_as_hashtables()
    {
        var state = new SampleSetting { Name = "x", Reasons = new[] { new HgsDscReason("a:a:b", "phrase") } };

        var table = (System.Collections.Hashtable)InvokeHgsDscResourceMethodCommand.ToPowerShell(DscResourceDescriptor.For(typeof(SampleSetting)), state, null);

        var reason = (System.Collections.Hashtable)((object[])table["Reasons"]!)[0];
        Assert.Equal("phrase", reason["Phrase"]);
        Assert.False(table.ContainsKey("Color"));
    }

    [Fact]
    public void The_generator_writes_the_twin_of_any_resource()
    {
        var text = PowerShellTwinWriter.Write(new[] { DscResourceDescriptor.For(typeof(SampleSetting)) });

        Assert.Contains("class SampleSetting", text);
        Assert.Contains("    [DscProperty(Key)]\n    [System.String]\n    $Name", text);
        Assert.Contains("    [DscProperty()]\n    [System.String[]]\n    $Tags", text);
        Assert.Contains("    [DscProperty()]\n    [Nullable[System.Int32]]\n    $Count", text);
        Assert.Contains("return (Invoke-HgsDscResourceMethod -Resource $this -Method Get -State ([SampleSetting]::new()))", text);
    }
}
