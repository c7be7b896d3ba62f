<#
    .DESCRIPTION
        A transition period: the encryption certificate in use was requested with a legacy
        CryptoAPI provider (CSP), for example 'Microsoft Enhanced RSA and AES Cryptographic
        Provider', and cannot be replaced yet. By default such a key is an unmet requirement
        (Microsoft's certificate requirements for HGS ask for a Key Storage Provider), so the
        resource reports it and Set changes nothing for it. With RequireKeyStorageProvider set
        to $false the key is accepted while it works: the gMSA still gets Read on it, and every
        check warns that the next certificate should use a Key Storage Provider.

        Remove RequireKeyStorageProvider once the certificate has been renewed with a KSP.
#>
Configuration HgsCertificateKeyAccess_AcceptLegacyCspKey_Config
{
    param
    (
        [Parameter()]
        [System.String]
        $EncryptionThumbprint = '9F8E7D6C5B4A39281706F5E4D3C2B1A09F8E7D6C'
    )

    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsCertificateKeyAccess 'EncryptionKeyInLegacyCsp'
        {
            Thumbprint                = $EncryptionThumbprint
            CertificateType           = 'Encryption'
            RequireKeyStorageProvider = $false
        }
    }
}

$configurationData = @{
    AllNodes = @(
        @{ NodeName = 'HGS01' }
        @{ NodeName = 'HGS02' }
        @{ NodeName = 'HGS03' }
    )
}

HgsCertificateKeyAccess_AcceptLegacyCspKey_Config -ConfigurationData $configurationData -OutputPath "$PSScriptRoot\HgsCertificateKeyAccess_AcceptLegacyCspKey_Config"
