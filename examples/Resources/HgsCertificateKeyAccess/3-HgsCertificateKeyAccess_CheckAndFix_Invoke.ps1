<#
    .DESCRIPTION
        Without a configuration: check and fix one HGS node with Invoke-DscResource
        (PSDesiredStateConfiguration 2.x on PowerShell 7, run elevated on the node).
        Get lists each certificate HGS uses with what was found; Test changes nothing; Set
        grants Read only where it is missing and fails, naming each certificate, where it
        cannot help (a missing certificate or private key, an unmet requirement such as a key
        held by a legacy CryptoAPI provider, a Deny entry, an HSM that keeps no per-account
        access list).
#>
#Requires -RunAsAdministrator

$resource = @{
    Name       = 'HgsCertificateKeyAccess'
    ModuleName = 'HgsDsc'
    Property   = @{
        Thumbprint = 'All'
    }
}

$state = Invoke-DscResource @resource -Method Get
$state.Account
$state.Findings
$state.Reasons | Format-List Code, Phrase

if (-not (Invoke-DscResource @resource -Method Test -Verbose).InDesiredState)
{
    Invoke-DscResource @resource -Method Set -Verbose
}
