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

public static class HgsNode
{
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
