<#
    .DESCRIPTION
        Every node of an HGS cluster enforces Active Directory (admin-trusted) attestation.

        Apply it to every node: after a switch from TPM to AD mode a known issue keeps the
        other nodes in TPM mode until 'Set-HgsServer -TrustActiveDirectory' runs on each of
        them. A node can take up to 10 minutes to enforce the new mode; the resource warns
        instead of failing. Keep the TPM host registrations and policies until every host
        attests in AD mode (the resource never removes them and warns while hosts are
        registered only for the old mode).
#>

$ConfigurationData = @{
    AllNodes = @(
        @{ NodeName = 'HGS01' }
        @{ NodeName = 'HGS02' }
        @{ NodeName = 'HGS03' }
    )
}

Configuration HgsAttestationMode_ClusterInActiveDirectoryMode_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsAttestationMode 'AttestationMode'
        {
            IsSingleInstance = 'Yes'
            Mode             = 'ActiveDirectory'
        }
    }
}

HgsAttestationMode_ClusterInActiveDirectoryMode_Config -ConfigurationData $ConfigurationData -OutputPath "$env:TEMP\HgsAttestationMode"
