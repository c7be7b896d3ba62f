using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using HgsDsc.Common.Localization;
using PS = System.Management.Automation.PowerShell;

namespace HgsDsc.Common.PowerShell
{
    /// <summary>
    /// Runs commands in the caller's runspace when there is one (the resource is being called
    /// from PowerShell, so modules loaded through Windows PowerShell compatibility are visible),
    /// else in a runspace of its own. Every call is made with -ErrorAction Stop, so a failing
    /// command fails the resource with the command's own message.
    /// </summary>
    public sealed class RunspaceCommandInvoker : ICommandInvoker
    {
        private static LocalizedStrings Strings => LocalizedStrings.Load("HgsDsc.Common");

        public bool CommandExists(string name, string? module = null)
        {
            if (Find(name) != null)
            {
                return true;
            }

            if (module == null)
            {
                return false;
            }

            using (var ps = Create())
            {
                ps.AddCommand("Import-Module").AddParameter("Name", module).AddParameter("ErrorAction", ActionPreference.SilentlyContinue);
                ps.Invoke();
            }

            return Find(name) != null;
        }

        public bool HasParameter(string command, string parameter)
        {
            var info = Find(command);
            return info?.Parameters != null && info.Parameters.ContainsKey(parameter);
        }

        public IReadOnlyList<PSObject> Invoke(string command, IDictionary<string, object?>? parameters = null)
        {
            using (var ps = Create())
            {
                ps.AddCommand(command);
                if (parameters != null)
                {
                    foreach (var parameter in parameters)
                    {
                        ps.AddParameter(parameter.Key, parameter.Value);
                    }
                }

                ps.AddParameter("ErrorAction", ActionPreference.Stop);
                try
                {
                    var output = ps.Invoke();
                    if (ps.HadErrors && ps.Streams.Error.Count > 0)
                    {
                        throw Failed(command, ps.Streams.Error[0].Exception?.Message ?? ps.Streams.Error[0].ToString(), ps.Streams.Error[0].Exception);
                    }

                    return output.Where(o => o != null).ToArray();
                }
                catch (RuntimeException e)
                {
                    throw Failed(command, e.Message, e);
                }
            }
        }

        private static NodeOperationException Failed(string command, string message, Exception? inner) =>
            new NodeOperationException("CommandFailed", Strings.Format("CommandFailed", command, message), command, inner);

        private static CommandInfo? Find(string name)
        {
            using (var ps = Create())
            {
                ps.AddCommand("Get-Command").AddParameter("Name", name).AddParameter("ErrorAction", ActionPreference.SilentlyContinue);
                return ps.Invoke<CommandInfo>().FirstOrDefault();
            }
        }

        private static PS Create() =>
            Runspace.DefaultRunspace != null ? PS.Create(RunspaceMode.CurrentRunspace) : PS.Create();
    }
}
