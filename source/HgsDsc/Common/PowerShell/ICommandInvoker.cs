using System.Collections.Generic;
using System.Management.Automation;

namespace HgsDsc.Common.PowerShell
{
    /// <summary>
    /// Runs a PowerShell command on this node. The HGS, IIS and scheduled-task cmdlets are
    /// reached this way, so that objects that come back deserialized (Windows PowerShell
    /// compatibility in PowerShell 7) are read the same way as live ones.
    /// </summary>
    public interface ICommandInvoker
    {
        /// <summary>Whether the command can be found (after trying to import <paramref name="module"/>).</summary>
        bool CommandExists(string name, string? module = null);

        /// <summary>Whether the command has the given parameter (for features that exist only on newer Windows).</summary>
        bool HasParameter(string command, string parameter);

        /// <summary>Runs the command with the given parameters; a switch is given as <c>true</c>. Errors throw.</summary>
        IReadOnlyList<PSObject> Invoke(string command, IDictionary<string, object?>? parameters = null);
    }
}
