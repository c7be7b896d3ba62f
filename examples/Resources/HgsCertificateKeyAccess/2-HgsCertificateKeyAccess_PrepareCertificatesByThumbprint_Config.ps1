<#
    .DESCRIPTION
        Before the certificates are given to HGS (Initialize-HgsServer -SigningCertificateThumbprint
        ... -EncryptionCertificateThumbprint ..., or Add-HgsKeyProtectionCertificate -Thumbprint):
        the named gMSA can read both private keys on every node, and each certificate is checked
        against the request requirements of its use (RSA, at least 2048 bits, DigitalSignature
        for signing, DataEncipherment or KeyEncipherment for encryption, valid now, private key
        held by a Key Storage Provider).

        Thumbprints may be pasted from certlm.msc as they are: spaces and invisible characters
        are ignored.
#>
Configuration HgsCertificateKeyAccess_PrepareCertificatesByThumbprint_Config
{
    param
    (
        [Parameter()]
        [System.String]
        $KeyProtectionAccount = 'HGS\hgs-gmsa$',

        [Parameter()]
        [System.String]
        $SigningThumbprint = '1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D',

        [Parameter()]
        [System.String]
        $EncryptionThumbprint = '9F8E7D6C5B4A39281706F5E4D3C2B1A09F8E7D6C'
    )

    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsCertificateKeyAccess 'SigningKey'
        {
            Thumbprint      = $SigningThumbprint
            CertificateType = 'Signing'
            Account         = $KeyProtectionAccount
        }

        HgsCertificateKeyAccess 'EncryptionKey'
        {
            Thumbprint      = $EncryptionThumbprint
            CertificateType = 'Encryption'
            Account         = $KeyProtectionAccount
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

HgsCertificateKeyAccess_PrepareCertificatesByThumbprint_Config -ConfigurationData $configurationData -OutputPath "$PSScriptRoot\HgsCertificateKeyAccess_PrepareCertificatesByThumbprint_Config"
