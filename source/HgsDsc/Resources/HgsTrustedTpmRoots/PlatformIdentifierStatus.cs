namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>What Test-HgsPlatformIdentifier found, in the terms of the troubleshooting guide.</summary>
    public enum PlatformIdentifierStatus
    {
        /// <summary>The EKcert chains to a root in TrustedTPM_RootCA: Add-HgsAttestationTpmHost can register the host.</summary>
        Trusted,

        /// <summary>The file holds no EKcert: run Get-PlatformIdentifier elevated, or confirm with the OEM and register with -Force (-PolicyVersion v1 on 2019+).</summary>
        NoEKCert,

        /// <summary>The EKcert does not chain to the installed TrustedTPM roots and intermediates.</summary>
        Untrusted,

        /// <summary>The file holds something in the EKcert's place that is not a certificate.</summary>
        InvalidEKCert,
    }
}
