<#
    .DESCRIPTION
        Checks the dump policies of this HGS with Invoke-DscResource and switches them to
        encrypted dumps with one trusted key. Run it elevated on one HGS node.

        Get lists every dump policy with its state (PolicyStates), the keys HGS trusts now
        (TrustedKeyHash) and, when HGS is not in the desired state, the Reasons: what differs,
        what Set will run, or, on a node without the cumulative update, what is missing and
        what to install (hosts first).
#>

$resource = @{
    Name       = 'HgsDumpPolicy'
    ModuleName = 'HgsDsc'
    Property   = @{
        IsSingleInstance = 'Yes'
        Policy           = 'EncryptedDumps'
        TrustedKeyFile   = @('C:\HgsKeys\HOST01-dumpkey.bin')
    }
}

$current = Invoke-DscResource @resource -Method Get
$current.PolicyStates
$current.Reasons | Format-Table -Property Code, Phrase -Wrap

if (-not (Invoke-DscResource @resource -Method Test).InDesiredState)
{
    Invoke-DscResource @resource -Method Set -Verbose
}
