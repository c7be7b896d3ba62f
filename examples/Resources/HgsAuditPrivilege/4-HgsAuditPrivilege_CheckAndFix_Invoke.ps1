<#
    .DESCRIPTION
        Without a configuration: check and fix one HGS node with Invoke-DscResource
        (PSDesiredStateConfiguration 2.x on PowerShell 7, run elevated on the node).
        Get shows every holder and whether a domain GPO defines the right; Test changes
        nothing; Set adds only what is missing.
#>
#Requires -RunAsAdministrator

$resource = @{
    Name       = 'HgsAuditPrivilege'
    ModuleName = 'HgsDsc'
    Property   = @{
        IsSingleInstance = 'Yes'
        Account          = 'HGS\hgs-gmsa$'
    }
}

$state = Invoke-DscResource @resource -Method Get
$state.Holders
$state.Reasons | Format-List Code, Phrase

if (-not (Invoke-DscResource @resource -Method Test -Verbose).InDesiredState)
{
    Invoke-DscResource @resource -Method Set -Verbose
}
