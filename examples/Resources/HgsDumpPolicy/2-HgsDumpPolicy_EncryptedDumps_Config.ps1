<#
    .DESCRIPTION
        HGS lets Hyper-V hosts write memory dumps, but only encrypted with a key it trusts
        (Hgs_DumpEncryption and Hgs_DumpEncryptionKey enabled, Hgs_NoDumps disabled), and it
        trusts exactly the keys listed here (PurgeTrustedKeys removes any other dump key).

        Give each host's key as its dump encryption certificate, as the public key blob the
        host keeps in the registry, or as the hash. To export the blob, run on the host:

            $key = 'HKLM:\SYSTEM\CurrentControlSet\Control\CrashControl\EncryptionCertificates\Certificate.1'
            [System.IO.File]::WriteAllBytes('C:\Temp\HOST01-dumpkey.bin', (Get-ItemProperty -Path $key).PublicKey)

        and copy the file to the HGS node (full paths only: DSC does not run in your folder).

        Coming from NoDumps, the resource trusts the keys, enables Hgs_DumpEncryption and
        Hgs_DumpEncryptionKey, removes unlisted keys and disables Hgs_NoDumps last, so no host
        that attests before the change is rejected on the way.
#>

$ConfigurationData = @{
    AllNodes = @(
        @{ NodeName = 'HGS01' }
    )
}

Configuration HgsDumpPolicy_EncryptedDumps_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsDumpPolicy 'DumpPolicy'
        {
            IsSingleInstance = 'Yes'
            Policy           = 'EncryptedDumps'
            TrustedKeyFile   = @('C:\HgsKeys\HOST01-dumpkey.bin', 'C:\HgsKeys\HOST02-dumpencryption.cer')
            TrustedKeyHash   = @('E91C254AD58860A02C788DFB5C1A65D6A8846AB1DC649631C7DB16FEF4AF2DEC')
            PurgeTrustedKeys = $true
        }
    }
}

HgsDumpPolicy_EncryptedDumps_Config -ConfigurationData $ConfigurationData -OutputPath "$env:TEMP\HgsDumpPolicy"
