<#
    .DESCRIPTION
        Checks and enforces TPM-trusted attestation on this HGS node with Invoke-DscResource.
        Run it on each node of the cluster (elevated). Get shows the mode and, when the node
        is not in the desired state, the Reasons with the guide's remediation.
#>

$resource = @{
    Name       = 'HgsAttestationMode'
    ModuleName = 'HgsDsc'
    Property   = @{
        IsSingleInstance = 'Yes'
        Mode             = 'Tpm'
    }
}

$current = Invoke-DscResource @resource -Method Get
$current.Reasons | Format-Table -Property Code, Phrase -Wrap

if (-not (Invoke-DscResource @resource -Method Test).InDesiredState)
{
    Invoke-DscResource @resource -Method Set -Verbose
}
