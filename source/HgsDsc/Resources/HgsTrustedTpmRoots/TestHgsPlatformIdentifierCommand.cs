using System;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>
    /// <para type="synopsis">Checks a platform identifier file (from Get-PlatformIdentifier) before Add-HgsAttestationTpmHost.</para>
    /// <para type="description">Says whether the file holds an endorsement key certificate (EKcert) and whether it
    /// chains to the roots and intermediates installed in LocalMachine\TrustedTPM_RootCA and
    /// LocalMachine\TrustedTPM_IntermediateCA of this node, and what to do when it does not.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "HgsPlatformIdentifier")]
    [OutputType(typeof(PlatformIdentifierReport))]
    public sealed class TestHgsPlatformIdentifierCommand : PSCmdlet, IDscLog
    {
        private PlatformIdentifierCheck? check;

        /// <summary>The XML file(s) written by Get-PlatformIdentifier on the hosts.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        // The tests point the check at CurrentUser stores of their own; HGS reads LocalMachine only,
        // so these stay out of the help.
        [Parameter(DontShow = true)]
        public StoreLocation StoreLocation { get; set; } = StoreLocation.LocalMachine;

        [Parameter(DontShow = true)]
        [ValidateNotNullOrEmpty]
        public string RootStoreName { get; set; } = TrustedTpmStoreNames.RootCA;

        [Parameter(DontShow = true)]
        [ValidateNotNullOrEmpty]
        public string IntermediateStoreName { get; set; } = TrustedTpmStoreNames.IntermediateCA;

        protected override void BeginProcessing()
        {
            var stores = new X509TpmRootStores(StoreLocation, RootStoreName, IntermediateStoreName);
            check = new PlatformIdentifierCheck(stores, Platform.IsWindows ? Environment.OSVersion.Version : null, this);
        }

        void IDscLog.Verbose(string message) => WriteVerbose(message);

        void IDscLog.Warning(string message) => WriteWarning(message);

        protected override void ProcessRecord()
        {
            foreach (var path in Path)
            {
                try
                {
                    var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                    WriteObject(check!.Check(resolved));
                }
                catch (NodePrerequisiteException e)
                {
                    ThrowTerminatingError(e.ToErrorRecord());
                }
                catch (NodeOperationException e)
                {
                    ThrowTerminatingError(e.ToErrorRecord());
                }
                catch (HgsDscException e)
                {
                    WriteError(e.ToErrorRecord());
                }
            }
        }
    }
}
