<#
    .DESCRIPTION
        Only the vendors whose TPMs are in this datacenter, from the extracted package
        (expand.exe -F:* TrustedTpm.cab C:\HGS\TrustedTpm). Path could also name TrustedTpm.cab
        itself, but then every Test (every 15 minutes) expands the whole cabinet into a temporary
        folder first, which costs a second or more for the full package; the folder is read directly.
        With Purge, the certificates tied to these vendors that a newer package no longer has
        (retired roots and intermediates) are removed.

        Purge removes only certificates that are tied to a chosen vendor of the package and that
        the package no longer has; it never removes any other certificate: not those tied (also)
        to other vendors, not those tied to no vendor of the package (added by hand or by another
        tool), and nothing outside the two TrustedTPM stores. Look at ExtraCount and the Reasons
        of Get (3-..._Invoke.ps1) before turning Purge on.
#>
Configuration HgsTrustedTpmRoots_SelectedVendorsWithPurge_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsTrustedTpmRoots 'TrustedTpmVendors'
        {
            Path   = 'C:\HGS\TrustedTpm'
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
