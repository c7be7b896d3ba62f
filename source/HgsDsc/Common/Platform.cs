using System;
using System.Runtime.InteropServices;
using HgsDsc.Common.Localization;

namespace HgsDsc.Common
{
    /// <summary>Which operating system this is, and the one error non-Windows callers get.</summary>
    public static class Platform
    {
        public static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

        public static NodePrerequisiteException WindowsOnly(string feature) =>
            new NodePrerequisiteException(
                "WindowsOnly",
                LocalizedStrings.Load("HgsDsc.Common").Format("WindowsOnly", feature, RuntimeInformation.OSDescription),
                feature);

        /// <summary>Throws the clear error before any Windows API is called off Windows.</summary>
        public static void AssertWindows(string feature)
        {
            if (!IsWindows)
            {
                throw WindowsOnly(feature);
            }
        }
    }
}
