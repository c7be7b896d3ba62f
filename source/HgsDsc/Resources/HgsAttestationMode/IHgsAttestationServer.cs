using System.Collections.Generic;

namespace HgsDsc.Resources.HgsAttestationMode
{
    /// <summary>What HgsAttestationMode needs from this node's HGS: read and set the mode, count registered hosts.</summary>
    public interface IHgsAttestationServer
    {
        /// <summary>The AttestationOperationMode that Get-HgsServer reports, as text (null when it reports none).</summary>
        string? GetAttestationOperationMode();

        /// <summary>Whether Set-HgsServer on this node can select the mode (HostKey needs Windows Server 2019 or later).</summary>
        bool SupportsMode(AttestationMode mode);

        /// <summary>Runs Set-HgsServer with the mode's switch, without prompting.</summary>
        void SetAttestationMode(AttestationMode mode);

        /// <summary>How many hosts (or AD groups) are registered for each mode; a mode this node does not have is absent.</summary>
        IReadOnlyDictionary<AttestationMode, int> GetRegistrationCounts();
    }
}
