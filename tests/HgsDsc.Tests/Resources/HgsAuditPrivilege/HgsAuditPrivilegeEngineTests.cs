using System.Collections;
using HgsDsc.Common;
using HgsDsc.Tests.Infrastructure;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsAuditPrivilege;

/// <summary>
/// HgsAuditPrivilege the way PSDesiredStateConfiguration 2.0.7 calls it: 'using module', a new
/// instance of the generated PowerShell class, properties assigned from a hashtable, then a method.
/// These cases need no Windows API, so they run everywhere. (The engine collection: other tests
/// replace the process-wide NodeServices, which these must not see.)
/// </summary>
[Collection(HgsDsc.Tests.Conformance.EngineCollection.Name)]
public sealed class HgsAuditPrivilegeEngineTests : IDisposable
{
    private readonly PowerShellSession session = new();

    public void Dispose() => session.Dispose();

    private void Invoke(string method, Hashtable properties) =>
        session.Run(
            "using module '" + TestModule.ManifestPath.Replace("'", "''") + "'\n"
            + "$resource = [HgsAuditPrivilege]::new()\n"
            + "foreach ($key in $args[0].Keys) { $resource.$key = $args[0][$key] }\n"
            + "$resource." + method + "()",
            properties);

    [Theory]
    [InlineData("Get", "S-1-x")]
    [InlineData("Test", "a\\b\\c")]
    [InlineData("Set", "   ")]
    public void Bad_input_is_an_InvalidArgument_error_naming_the_property(string method, string account)
    {
        var error = Assert.Throws<PowerShellErrorException>(() => Invoke(method, new Hashtable
        {
            ["IsSingleInstance"] = "Yes",
            ["Account"] = account,
            ["Ensure"] = "Present",
            ["RecycleAppPool"] = true,
        }));

        var cause = FindCause<InvalidPropertyValueException>(error);
        Assert.Equal("Account", cause.PropertyName);
        Assert.Contains("Nothing was changed", cause.Message);
    }

    [Fact]
    public void An_Ensure_value_outside_the_set_is_refused_by_the_class()
    {
        var error = Assert.Throws<PowerShellErrorException>(() => Invoke("Test", new Hashtable
        {
            ["IsSingleInstance"] = "Yes",
            ["Ensure"] = "Maybe",
        }));

        Assert.Contains("Maybe", error.Message);
    }

    [OffWindowsFact]
    public void Off_windows_a_valid_configuration_reaches_LSA_and_gets_the_windows_only_error()
    {
        var error = Assert.Throws<PowerShellErrorException>(() => Invoke("Get", new Hashtable
        {
            ["IsSingleInstance"] = "Yes",
            ["Account"] = "*S-1-5-21-1004336348-1177238915-682003330-1105",
            ["Ensure"] = "Absent",
            ["RecycleAppPool"] = false,
        }));

        var cause = FindCause<NodePrerequisiteException>(error);
        Assert.Equal("WindowsOnly", cause.ErrorId);
        Assert.Contains("LsaEnumerateAccountsWithUserRight", cause.Message);
    }

    private static T FindCause<T>(Exception error)
        where T : Exception
    {
        for (Exception? e = error; e != null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is PowerShellErrorException record && record.Record.Exception is T fromRecord)
            {
                return fromRecord;
            }
        }

        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} in: {error}");
    }
}
