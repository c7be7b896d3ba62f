<#
    .DESCRIPTION
        Every node of an HGS cluster: the KeyProtection gMSA holds 'Generate security audits'
        (SeAuditPrivilege), LOCAL SERVICE and NETWORK SERVICE keep it, and nothing else that
        holds it is touched. The KeyProtection app pool is recycled after a grant.

        The gMSA is the one HGS runs KeyProtection as; find it on any node with
        (Get-IISAppPool -Name KeyProtection).ProcessModel.UserName
#>
Configuration HgsAuditPrivilege_HgsCluster_Config
{
    param
    (
        [Parameter()]
        [System.String]
        $KeyProtectionAccount = 'HGS\hgs-gmsa$'
    )

    Import-DscResource -ModuleName 'HgsDsc'

    Node $AllNodes.NodeName
    {
        HgsAuditPrivilege 'KeyProtectionAudit'
        {
            IsSingleInstance = 'Yes'
            Account          = $KeyProtectionAccount
            Ensure           = 'Present'
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

HgsAuditPrivilege_HgsCluster_Config -ConfigurationData $configurationData -OutputPath "$PSScriptRoot\HgsAuditPrivilege_HgsCluster_Config"
