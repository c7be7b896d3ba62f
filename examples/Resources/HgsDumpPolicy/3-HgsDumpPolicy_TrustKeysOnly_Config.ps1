<#
    .DESCRIPTION
        HGS trusts the hosts' dump encryption keys, and the dump policies themselves are left
        as they are (Policy = 'Unmanaged', the same as leaving Policy out).

        Use it to register keys ahead of a change (for example while Hgs_NoDumps is still
        enforced, where trusted keys change nothing), or where another process owns the
        Hgs_NoDumps / Hgs_DumpEncryption / Hgs_DumpEncryptionKey switches. Without
        PurgeTrustedKeys, keys that others registered stay.
#>

$ConfigurationData = @{
    AllNodes = @(
        @{ NodeName = 'HGS01' }
    )
}

Configuration HgsDumpPolicy_TrustKeysOnly_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsDumpPolicy 'DumpKeys'
        {
            IsSingleInstance = 'Yes'
            Policy           = 'Unmanaged'
            TrustedKeyFile   = @('\\fileserver\HgsKeys\HOST03-dumpencryption.cer')
        }
    }
}

HgsDumpPolicy_TrustKeysOnly_Config -ConfigurationData $ConfigurationData -OutputPath "$env:TEMP\HgsDumpPolicy"
