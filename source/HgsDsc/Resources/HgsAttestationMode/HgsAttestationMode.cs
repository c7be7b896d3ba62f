using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Management.Automation;
using HgsDsc.Common;
using HgsDsc.Common.PowerShell;

namespace HgsDsc.Resources.HgsAttestationMode
{
    /// <summary>
    /// This HGS node enforces the desired attestation mode. Apply it to every node: a known
    /// issue leaves other nodes in TPM mode after a switch to Active Directory mode. A node
    /// can take up to 10 minutes to enforce a new mode; the resource says so and does not
    /// fail. It never removes the policies or registrations of the old mode, and warns while
    /// hosts are registered only for a mode that is not the desired one.
    /// </summary>
    [DscResource]
    [Description("This HGS node enforces the desired attestation mode (TPM, Active Directory or host key). Apply it to every node.")]
    public sealed class HgsAttestationMode : HgsDscResource<HgsAttestationMode>
    {
        private readonly IHgsAttestationServer? server;
        private bool registrationsChecked;

        public HgsAttestationMode()
        {
        }

        public HgsAttestationMode(IHgsAttestationServer server)
        {
            this.server = server;
        }

        [DscProperty(Key = true)]
        [Description("Always 'Yes': a node has one attestation mode.")]
        [ValidateSet("Yes")]
        public string? IsSingleInstance { get; set; }

        [DscProperty(Mandatory = true)]
        [ValidateSet(nameof(AttestationMode.Tpm), nameof(AttestationMode.ActiveDirectory), nameof(AttestationMode.HostKey))]
        [Description("The attestation mode this node must enforce: Tpm, ActiveDirectory, or HostKey (Windows Server 2019 and later).")]
        public AttestationMode? Mode { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Hosts registered for TPM attestation (Get-HgsAttestationTpmHost).")]
        public int? TpmHostCount { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("AD security groups registered for AD attestation (Get-HgsAttestationHostGroup).")]
        public int? HostGroupCount { get; set; }

        [DscProperty(NotConfigurable = true)]
        [Description("Host keys registered for host key attestation (Get-HgsAttestationHostKey), where the node has it.")]
        public int? HostKeyCount { get; set; }

        private IHgsAttestationServer Server =>
            server ?? NodeServices.Get<IHgsAttestationServer>(() => new HgsAttestationServerCmdlets(new RunspaceCommandInvoker()));

        protected override HgsAttestationMode GetCurrentState(HgsAttestationMode desired)
        {
            var reported = Server.GetAttestationOperationMode();
            var mode = AttestationModeText.Parse(reported);
            if (mode == null)
            {
                throw new NodeOperationException(
                    "UnknownAttestationMode", Strings.Format("UnknownAttestationMode", reported ?? "(none)"), reported);
            }

            Log.Verbose(Strings.Format("CurrentMode", mode));

            // Registrations serve the warning and Get's report; Test, called every 15 minutes, compares the mode only.
            var counts = Operation == DscOperation.Test
                ? new Dictionary<AttestationMode, int>()
                : Server.GetRegistrationCounts();
            var current = new HgsAttestationMode
            {
                Mode = mode,
                TpmHostCount = Count(counts, AttestationMode.Tpm),
                HostGroupCount = Count(counts, AttestationMode.ActiveDirectory),
                HostKeyCount = Count(counts, AttestationMode.HostKey),
            };

            if (!registrationsChecked && desired.Mode != null && Operation != DscOperation.Test)
            {
                registrationsChecked = true;
                WarnAboutRegistrations(desired.Mode.Value, counts);
            }

            return current;
        }

        protected override string DescribeDifference(string propertyName, object? expected, object? actual)
        {
            var desired = (AttestationMode)expected!;
            if (desired == AttestationMode.HostKey && !Server.SupportsMode(desired))
            {
                return Strings.Format("ModeNotSupported", desired, AttestationModeText.SetHgsServerSwitch(desired));
            }

            return Strings.Format("ModeDiffers", actual, desired, AttestationModeText.SetHgsServerSwitch(desired));
        }

        protected override void Modify(HgsAttestationMode desired, HgsAttestationMode current, IReadOnlyList<StateDifference> differences)
        {
            var mode = desired.Mode!.Value;
            if (!Server.SupportsMode(mode))
            {
                throw new InvalidPropertyValueException(nameof(Mode), mode.ToString(), Strings.Format("ModeNotSupported", mode, AttestationModeText.SetHgsServerSwitch(mode)));
            }

            Log.Verbose(Strings.Format("SwitchingMode", current.Mode, mode, AttestationModeText.SetHgsServerSwitch(mode)));
            Server.SetAttestationMode(mode);
        }

        protected override void VerifyAfterSet(HgsAttestationMode desired, HgsAttestationMode after, IReadOnlyList<StateDifference> remaining)
        {
            if (remaining.Count > 0)
            {
                // HGS applies a new mode asynchronously; a slow node is not a failure.
                Log.Warning(Strings.Format("ModeNotYetReported", desired.Mode, after.Mode));
                return;
            }

            Log.Verbose(Strings.Format("ModeSwitched", desired.Mode));
        }

        private void WarnAboutRegistrations(AttestationMode desired, IReadOnlyDictionary<AttestationMode, int> counts)
        {
            counts.TryGetValue(desired, out var forDesired);
            if (forDesired > 0)
            {
                return;
            }

            foreach (var other in counts.Where(c => c.Key != desired && c.Value > 0))
            {
                Log.Warning(Strings.Format(
                    "HostsRegisteredOnlyForOtherMode", other.Value, other.Key, desired, AttestationModeText.RegistrationCommand(desired)));
            }
        }

        private static int? Count(IReadOnlyDictionary<AttestationMode, int> counts, AttestationMode mode) =>
            counts.TryGetValue(mode, out var count) ? count : (int?)null;
    }
}
