using System;
using System.Diagnostics;
using System.IO;
using HgsDsc.Common;
using HgsDsc.Common.Localization;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// The real <see cref="ICabinetExtractor"/>: Windows' own expand.exe, run the way Microsoft's
    /// instructions for the package run it (<c>expand.exe -F:* TrustedTpm.cab &lt;folder&gt;</c>).
    /// </summary>
    public sealed class ExpandExeCabinetExtractor : ICabinetExtractor
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsTrustedTpmRoots));

        public static string ExpandExePath => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "expand.exe");

        public string? WhyUnavailable()
        {
            if (!Platform.IsWindows)
            {
                return Strings.Format("ExpandNeedsWindows", System.Runtime.InteropServices.RuntimeInformation.OSDescription);
            }

            return File.Exists(ExpandExePath) ? null : Strings.Format("ExpandExeMissing", ExpandExePath);
        }

        public void Extract(string cabinet, string destination)
        {
            var start = new ProcessStartInfo(ExpandExePath, $"-F:* \"{cabinet}\" \"{destination}\"")
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };

            using (var process = Process.Start(start)!)
            {
                // Read both streams asynchronously so a chatty expand.exe cannot block on a full pipe.
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
                {
                    process.Kill();
                    throw new IOException(Strings.Format("ExpandTimedOut", cabinet, Timeout.TotalMinutes));
                }

                if (process.ExitCode != 0)
                {
                    throw new IOException(Strings.Format("ExpandFailed", cabinet, process.ExitCode, (error.Result + " " + output.Result).Trim()));
                }
            }
        }
    }
}
