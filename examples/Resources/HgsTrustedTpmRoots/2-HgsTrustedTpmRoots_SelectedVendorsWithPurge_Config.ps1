<#
    .DESCRIPTION
        Installs only the vendors whose TPMs are in this datacenter, straight from the published
        cabinet, and removes their certificates that a newer package no longer has (retired
        roots and intermediates).

        Purge never removes certificates of other vendors, certificates that belong to no vendor
        of the package (added by hand or by another tool), or anything outside the two
        TrustedTPM stores. Run Get first (see 3-...) to see ExtraCount and the Reasons before
        turning Purge on.
#>
Configuration HgsTrustedTpmRoots_SelectedVendorsWithPurge_Config
{
    Import-DscResource -ModuleName HgsDsc

    Node localhost
    {
        HgsTrustedTpmRoots TrustedTpmVendors
        {
            Path   = 'C:\HGS\TrustedTpm.cab'
            Vendor = @('Infineon', 'Intel', 'Nuvoton')
            Purge  = $true
        }
    }
}
