using System.Collections;
using System.Management.Automation;
using HgsDsc.Resources.HgsAttestationMode;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsAttestationMode;

/// <summary>Get-HgsServer prints a Name/Value table; every way that table can arrive is read the same.</summary>
public sealed class GetHgsServerOutputTests
{
    private const string Setting = HgsAttestationServerCmdlets.ModeSetting;

    private static string? Read(params object[] output) =>
        HgsDsc.Common.PowerShell.PSObjectReader.Text(HgsAttestationServerCmdlets.ReadSetting(output.Select(PSObject.AsPSObject), Setting));

    [Fact]
    public void A_hashtable() =>
        Assert.Equal("AD", Read(new Hashtable { ["AttestationUrl"] = "x", [Setting] = "AD" }));

    [Fact]
    public void Dictionary_entries_as_the_table_enumerates_them() =>
        Assert.Equal("Tpm", Read(new DictionaryEntry("AttestationUrl", "x"), new DictionaryEntry(Setting, "Tpm")));

    [Fact]
    public void Name_and_Value_rows()
    {
        var other = new PSObject();
        other.Properties.Add(new PSNoteProperty("Name", "KeyProtectionUrl"));
        other.Properties.Add(new PSNoteProperty("Value", "http://hgs/KeyProtection"));
        var mode = new PSObject();
        mode.Properties.Add(new PSNoteProperty("Name", Setting));
        mode.Properties.Add(new PSNoteProperty("Value", new { Value = "HostKey" }));

        Assert.Equal("HostKey", Read(other, mode));
    }

    [Fact]
    public void One_object_with_the_setting_as_a_property() =>
        Assert.Equal("ActiveDirectory", Read(new { AttestationOperationMode = "ActiveDirectory", AttestationUrl = "x" }));

    [Fact]
    public void Nothing_when_the_setting_is_absent() =>
        Assert.Null(Read(new Hashtable { ["AttestationUrl"] = "x" }, new { KeyProtectionUrl = "y" }));
}
