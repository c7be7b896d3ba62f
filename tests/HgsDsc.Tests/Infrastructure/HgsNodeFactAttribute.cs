using HgsDsc.Common;

namespace HgsDsc.Tests.Infrastructure;

/// <summary>
/// A test that exercises the real Windows implementations on a real HGS node (an
/// administrator runs the suite there in a lab). Elsewhere it is reported as skipped, with
/// the reason, never silently.
/// </summary>
public sealed class HgsNodeFactAttribute : Xunit.FactAttribute
{
    public HgsNodeFactAttribute()
    {
        var reason = HgsNode.WhyNot();
        if (reason != null)
        {
            Skip = reason;
        }
    }
}

/// <summary>A test that needs Windows (a Windows API), but not the HGS role.</summary>
public sealed class WindowsFactAttribute : Xunit.FactAttribute
{
    public WindowsFactAttribute()
    {
        if (!Platform.IsWindows)
        {
            Skip = "Needs Windows (it calls a Windows API); this machine runs " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ".";
        }
    }
}

/// <summary>
/// A test of a Windows API that needs administrator rights (LSA user rights, machine keys) but
/// not the HGS role, so it also runs on any elevated Windows machine.
/// </summary>
public sealed class WindowsAdminFactAttribute : Xunit.FactAttribute
{
    public WindowsAdminFactAttribute()
    {
        if (!Platform.IsWindows)
        {
            Skip = "Needs Windows with administrator rights (it changes machine state through a Windows API); this machine runs " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ".";
        }
        else if (!HgsNode.IsElevated())
        {
            Skip = "Needs administrator rights (it changes machine state through a Windows API); run the tests from an elevated session.";
        }
    }
}

public static class HgsNode
{
    /// <summary>Whether this Windows process runs with administrator rights.</summary>
    public static bool IsElevated()
    {
#pragma warning disable CA1416 // Called only on Windows.
        using var identity = System.Security.Principal.WindowsIdentity.GetCurrent();
        return new System.Security.Principal.WindowsPrincipal(identity).IsInRole(System.Security.Principal.WindowsBuiltInRole.Administrator);
#pragma warning restore CA1416
    }

    /// <summary>Null on an HGS node; otherwise why this machine is not one.</summary>
    public static string? WhyNot()
    {
        if (!Platform.IsWindows)
        {
            return "Needs a Windows Server HGS node; this machine runs " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ".";
        }

        var module = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "WindowsPowerShell", "v1.0", "Modules", "HgsServer");
        return Directory.Exists(module)
            ? null
            : "Needs the Host Guardian Service role (no HgsServer module at " + module + ").";
    }
}
