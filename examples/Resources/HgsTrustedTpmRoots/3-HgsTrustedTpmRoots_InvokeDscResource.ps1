<#
    .DESCRIPTION
        Uses the resource without a configuration (PowerShell 7 with PSDesiredStateConfiguration
        2.0.7, or the DSC engine of Azure Machine Configuration): Get shows the counts per store
        and per vendor and why the node is not in the desired state; Test says whether it is;
        Set installs what is missing. Run elevated: Set writes LocalMachine certificate stores.
#>
$properties = @{
    Path   = 'C:\HGS\TrustedTpm'
    Vendor = @('Intel', 'Infineon')
    Purge  = $false
}

$state = Invoke-DscResource -Name HgsTrustedTpmRoots -ModuleName HgsDsc -Method Get -Property $properties
$state | Select-Object RootCACount, IntermediateCACount, MissingCount, ExtraCount, VendorCounts
$state.Reasons | Format-List Code, Phrase

if (-not (Invoke-DscResource -Name HgsTrustedTpmRoots -ModuleName HgsDsc -Method Test -Property $properties).InDesiredState)
{
    Invoke-DscResource -Name HgsTrustedTpmRoots -ModuleName HgsDsc -Method Set -Property $properties -Verbose
}
