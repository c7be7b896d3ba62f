<#
    .DESCRIPTION
        Only the vendors whose TPMs are in this datacenter, straight from the published cabinet.
        With Purge, the certificates tied to these vendors that a newer package no longer has
        (retired roots and intermediates) are removed.

        Purge removes only certificates that are tied to a chosen vendor of the package and that
        the package no longer has; it never removes any other certificate: not those tied (also)
        to other vendors, not those tied to no vendor of the package (added by hand or by another
        tool), and nothing outside the two TrustedTPM stores. Look at ExtraCount and the Reasons of Get (3-..._Invoke.ps1) before
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
