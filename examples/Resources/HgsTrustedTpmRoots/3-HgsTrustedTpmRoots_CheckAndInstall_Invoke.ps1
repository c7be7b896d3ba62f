<#
    .DESCRIPTION
        Checks and installs the Trusted TPM root certificate package on this HGS node with
        Invoke-DscResource. Run it elevated on each node (Set writes LocalMachine certificate
        stores). Get shows the counts per store and per vendor, and the Reasons name what is
        missing (or, with Purge, tied to a chosen vendor but no longer in the package) by vendor,
        subject and thumbprint.
#>

$resource = @{
    Name       = 'HgsTrustedTpmRoots'
    ModuleName = 'HgsDsc'
    Property   = @{
        Path   = 'C:\HGS\TrustedTpm'
        Vendor = @('Infineon', 'Intel')
        Purge  = $false
    }
}

$current = Invoke-DscResource @resource -Method Get
$current | Format-List -Property RootCACount, IntermediateCACount, MissingCount, ExtraCount, VendorCounts
$current.Reasons | Format-Table -Property Code, Phrase -Wrap

if (-not (Invoke-DscResource @resource -Method Test).InDesiredState)
{
    Invoke-DscResource @resource -Method Set -Verbose
}
