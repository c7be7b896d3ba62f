<#
    .DESCRIPTION
        Every node of an HGS cluster: the account the KeyProtection app pool runs as (found on
        each node with (Get-IISAppPool -Name KeyProtection).ProcessModel.UserName) can read the
        private key of every certificate HGS uses that was added by thumbprint: the signing and
        encryption certificates of Get-HgsKeyProtectionCertificate and the communications
        certificate of Get-HgsKeyProtectionConfiguration. A renewed certificate added to HGS
        later is covered by the next consistency check, without editing this configuration.

        HGS replicates only the public part of a certificate added by thumbprint: import each
        PFX with its private key into Cert:\LocalMachine\My on every node first.
#>
Configuration HgsCertificateKeyAccess_AllHgsCertificates_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsCertificateKeyAccess 'EveryHgsCertificate'
        {
            Thumbprint = 'All'
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

HgsCertificateKeyAccess_AllHgsCertificates_Config -ConfigurationData $configurationData -OutputPath "$PSScriptRoot\HgsCertificateKeyAccess_AllHgsCertificates_Config"
