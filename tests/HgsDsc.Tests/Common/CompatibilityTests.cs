using System.Reflection;
using HgsDsc.Common;
using Xunit;

namespace HgsDsc.Tests.Common;

/// <summary>One dll for Windows PowerShell 5.1 (.NET Framework) and PowerShell 7 (.NET).</summary>
public sealed class CompatibilityTests
{
    private static readonly Assembly Core = typeof(DscResourceDescriptor).Assembly;

    [Fact]
    public void The_core_targets_netstandard2_0()
    {
        var framework = Core.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>();

        Assert.Equal(".NETStandard,Version=v2.0", framework?.FrameworkName);
    }

    [Fact]
    public void The_core_needs_nothing_that_both_PowerShell_hosts_do_not_already_load()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name).OrderBy(n => n).ToArray();

        Assert.Equal(new[] { "netstandard", "System.Management.Automation" }, references);
    }

    [Fact]
    public void The_core_is_built_against_PowerShell_Standard_so_it_binds_to_either_host()
    {
        var automation = Core.GetReferencedAssemblies().Single(a => a.Name == "System.Management.Automation");

        Assert.Equal(new Version(3, 0, 0, 0), automation.Version);
    }
}
