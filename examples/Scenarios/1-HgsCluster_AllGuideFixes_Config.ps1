<#
    .DESCRIPTION
        Every fix of the HGS troubleshooting guide, kept in place on every node of an HGS
        cluster by one configuration:

        - HgsAttestationMode: every node enforces TPM attestation (set it on each node: after
          a switch the other nodes do not follow by themselves).
        - HgsAuditPrivilege: the KeyProtection gMSA holds 'Generate security audits', and so do
          LOCAL SERVICE and NETWORK SERVICE; no other holder is removed.
        - HgsCertificateKeyAccess: the gMSA can read the private key of every certificate HGS
          uses, renewed ones included.
        - HgsTrustedTpmRoots: the Trusted TPM root package (expanded once per node into
          C:\HGS\TrustedTpm) is in TrustedTPM_RootCA and TrustedTPM_IntermediateCA.
        - HgsDumpPolicy: hosts may write memory dumps only when encrypted with a trusted key.
          Update the Hyper-V hosts to the latest cumulative update before HGS enables the new
          dump policies, or they fail attestation.

        The dump key hash is the SHA-256 HGS expects (64 hex characters); see
        examples/Resources/HgsDumpPolicy for computing it from a host's certificate instead.
#>

$ConfigurationData = @{
    AllNodes = @(
        @{ NodeName = 'HGS01' }
        @{ NodeName = 'HGS02' }
        @{ NodeName = 'HGS03' }
    )
}

Configuration HgsCluster_AllGuideFixes_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsAttestationMode 'AttestationMode'
        {
            IsSingleInstance = 'Yes'
            Mode             = 'Tpm'
        }

        HgsAuditPrivilege 'AuditPrivilege'
        {
            IsSingleInstance = 'Yes'
            Ensure           = 'Present'
        }

        HgsCertificateKeyAccess 'KeyAccess'
        {
            Thumbprint = 'All'
        }

        HgsTrustedTpmRoots 'TrustedTpmRoots'
        {
            Path = 'C:\HGS\TrustedTpm'
        }

        HgsDumpPolicy 'DumpPolicy'
        {
            IsSingleInstance = 'Yes'
            Policy           = 'EncryptedDumps'
            TrustedKeyHash   = @('3F1A6E0C9B8D7F2E4C5A6B7D8E9F0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B')
        }
    }
}

HgsCluster_AllGuideFixes_Config -ConfigurationData $ConfigurationData -OutputPath "$env:TEMP\HgsCluster_AllGuideFixes_Config"
