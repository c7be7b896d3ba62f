using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common.Localization;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Common.Accounts
{
    /// <summary>
    /// The real <see cref="IKeyProtectionAppPool"/>, through the IIS cmdlets the guide uses:
    /// <c>(Get-IISAppPool -Name KeyProtection).ProcessModel.UserName</c> (IISAdministration) for the
    /// identity, <c>Restart-WebAppPool -Name KeyProtection</c> (WebAdministration) to recycle.
    /// PowerShell 7 runs both modules through Windows PowerShell compatibility, whose
    /// serialization flattens nested objects such as ProcessModel into text; the identity is
    /// then read from the same setting with Get-WebConfigurationProperty.
    /// </summary>
    public sealed class KeyProtectionAppPool : IKeyProtectionAppPool
    {
        public const string AppPoolName = "KeyProtection";

        internal const string IisAdministrationModule = "IISAdministration";
        internal const string WebAdministrationModule = "WebAdministration";
        internal const string ApplicationHostPath = "MACHINE/WEBROOT/APPHOST";
        internal const string ProcessModelFilter = "system.applicationHost/applicationPools/add[@name='" + AppPoolName + "']/processModel";

        private readonly ICommandInvoker invoker;

        public KeyProtectionAppPool(ICommandInvoker invoker)
        {
            this.invoker = invoker;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load("HgsDsc.Common");

        public string GetAppPoolIdentity()
        {
            Require("Get-IISAppPool", IisAdministrationModule);
            var pool = Run("Get-IISAppPool", new Dictionary<string, object?> { ["Name"] = AppPoolName }).FirstOrDefault();
            if (pool == null)
            {
                throw new NodeOperationException("KeyProtectionAppPoolMissing", Strings.Format("AppPoolMissing", AppPoolName), AppPoolName);
            }

            var processModel = PSObjectReader.Property(pool, "ProcessModel");
            string? userName;
            string? identityType;
            if (HasProperty(processModel, "UserName"))
            {
                userName = PSObjectReader.PropertyText(processModel, "UserName");
                identityType = PSObjectReader.PropertyText(processModel, "IdentityType");
            }
            else
            {
                userName = ReadProcessModelSetting("userName");
                identityType = string.IsNullOrWhiteSpace(userName) ? ReadProcessModelSetting("identityType") : null;
            }

            if (string.IsNullOrWhiteSpace(userName))
            {
                throw new NodeOperationException(
                    "KeyProtectionAppPoolNoAccount",
                    Strings.Format("AppPoolHasNoAccount", AppPoolName, identityType ?? "(unknown)"),
                    AppPoolName);
            }

            return userName!.Trim();
        }

        public void Recycle()
        {
            Require("Restart-WebAppPool", WebAdministrationModule);
            Run("Restart-WebAppPool", new Dictionary<string, object?> { ["Name"] = AppPoolName });
        }

        private string? ReadProcessModelSetting(string attribute)
        {
            if (!invoker.CommandExists("Get-WebConfigurationProperty", WebAdministrationModule))
            {
                throw new NodePrerequisiteException(
                    "KeyProtectionAppPoolUnreadable", Strings.Format("ProcessModelUnreadable", AppPoolName, WebAdministrationModule), AppPoolName);
            }

            var output = Run("Get-WebConfigurationProperty", new Dictionary<string, object?>
            {
                ["PSPath"] = ApplicationHostPath,
                ["Filter"] = ProcessModelFilter,
                ["Name"] = attribute,
            });
            return PSObjectReader.Text(output.FirstOrDefault());
        }

        private IReadOnlyList<PSObject> Run(string command, IDictionary<string, object?> parameters)
        {
            try
            {
                return invoker.Invoke(command, parameters);
            }
            catch (NodeOperationException e)
            {
                throw new NodeOperationException(
                    "KeyProtectionAppPoolFailed", Strings.Format("AppPoolCommandFailed", command, AppPoolName, e.Message), AppPoolName, e);
            }
        }

        private void Require(string command, string module)
        {
            if (invoker.CommandExists(command, module))
            {
                return;
            }

            if (!Platform.IsWindows)
            {
                throw Platform.WindowsOnly(command);
            }

            throw new NodePrerequisiteException(
                "IisModuleMissing", Strings.Format("IisModuleMissing", command, module, AppPoolName), command);
        }

        private static bool HasProperty(object? value, string name)
        {
            var inner = PSObjectReader.Unwrap(value);
            if (inner == null || inner is string)
            {
                return false;
            }

            return PSObjectReader.Property(value, name) != null || PSObject.AsPSObject(value).Properties[name] != null;
        }
    }
}
