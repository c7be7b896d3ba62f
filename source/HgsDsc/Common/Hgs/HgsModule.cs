using HgsDsc.Common.Localization;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Common.Hgs
{
    /// <summary>The HgsServer module that the HGS role installs, and the one error a node without it gets.</summary>
    public static class HgsModule
    {
        public const string Name = "HgsServer";

        /// <summary>Throws a clear error naming the missing role unless <paramref name="command"/> can be run here.</summary>
        public static void AssertAvailable(ICommandInvoker invoker, string command)
        {
            if (invoker.CommandExists(command, Name))
            {
                return;
            }

            if (!Platform.IsWindows)
            {
                throw Platform.WindowsOnly(command);
            }

            throw new NodePrerequisiteException(
                "HgsRoleMissing",
                LocalizedStrings.Load("HgsDsc.Common").Format("HgsModuleMissing", command),
                command);
        }
    }
}
