<#
    .DESCRIPTION
        Every node of an HGS cluster has the whole Trusted TPM root certificate package: every
        vendor's root certificates in LocalMachine\TrustedTPM_RootCA and its intermediate
        certificates in LocalMachine\TrustedTPM_IntermediateCA. Nothing is removed.

        Download TrustedTpm.cab from Microsoft and expand it once on each node
        (mkdir C:\HGS\TrustedTpm; expand.exe -F:* TrustedTpm.cab C:\HGS\TrustedTpm), or give
        the .cab itself as Path (it is then expanded into a temporary folder at every Get, Test
        and Set, which costs a second or more for the full package every 15 minutes: prefer
        the folder).
#>
Configuration HgsTrustedTpmRoots_WholePackage_Config
{
    param
    (
        [Parameter()]
        [System.String]
        $PackagePath = 'C:\HGS\TrustedTpm'
    )

    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsTrustedTpmRoots 'TrustedTpmPackage'
        {
            Path = $PackagePath
        }
    }
}

$configurationData = @{
    AllNodes = @(
        @{ NodeName = 'HGS01' }
        @{ NodeName = 'HGS02' }
        @{ NodeName = 'HGS03' }
    )
}

HgsTrustedTpmRoots_WholePackage_Config -ConfigurationData $configurationData -OutputPath "$PSScriptRoot\HgsTrustedTpmRoots_WholePackage_Config"
