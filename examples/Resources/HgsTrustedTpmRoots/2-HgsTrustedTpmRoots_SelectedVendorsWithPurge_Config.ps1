<#
    .DESCRIPTION
        Only the vendors whose TPMs are in this datacenter, straight from the published cabinet,
        and their certificates that a newer package no longer has (retired roots and
        intermediates) are removed.

        Purge never removes certificates of other vendors, certificates that belong to no vendor
        of the package (added by hand or by another tool), or anything outside the two
        TrustedTPM stores. Look at ExtraCount and the Reasons of Get (3-..._Invoke.ps1) before
        turning Purge on.
#>
Configuration HgsTrustedTpmRoots_SelectedVendorsWithPurge_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsTrustedTpmRoots 'TrustedTpmVendors'
        {
            Path   = 'C:\HGS\TrustedTpm.cab'
            Vendor = @('Infineon', 'Intel', 'Nuvoton')
            Purge  = $true
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

HgsTrustedTpmRoots_SelectedVendorsWithPurge_Config -ConfigurationData $configurationData -OutputPath "$PSScriptRoot\HgsTrustedTpmRoots_SelectedVendorsWithPurge_Config"
