<#
    .DESCRIPTION
        HGS lets only Hyper-V hosts with memory dumps disabled attest (Hgs_NoDumps enabled).

        The dump policies exist only after the latest cumulative update. Install it on every
        Hyper-V host FIRST, then on the HGS nodes, and activate the new policies once
        (Export-HgsServerState / Import-HgsServerState on one node); until then the resource
        reports what is missing and changes nothing. Attestation policies belong to the whole
        HGS cluster, so the configuration targets one node.
#>

$ConfigurationData = @{
    AllNodes = @(
        @{ NodeName = 'HGS01' }
    )
}

Configuration HgsDumpPolicy_NoDumps_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsDumpPolicy 'DumpPolicy'
        {
            IsSingleInstance = 'Yes'
            Policy           = 'NoDumps'
        }
    }
}

HgsDumpPolicy_NoDumps_Config -ConfigurationData $ConfigurationData -OutputPath "$env:TEMP\HgsDumpPolicy"
