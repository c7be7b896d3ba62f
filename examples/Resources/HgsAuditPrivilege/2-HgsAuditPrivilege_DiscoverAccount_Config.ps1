<#
    .DESCRIPTION
        The same on one node without naming the account: it is read from the IIS app pool
        KeyProtection on the node itself, so the configuration fits every HGS cluster.
        RecycleAppPool = $false leaves the app pool alone (for example during business hours);
        the right then applies when the pool next starts, and the resource warns about it.
#>
Configuration HgsAuditPrivilege_DiscoverAccount_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node 'localhost'
    {
        HgsAuditPrivilege 'KeyProtectionAudit'
        {
            IsSingleInstance = 'Yes'
            RecycleAppPool   = $false
        }
    }
}

HgsAuditPrivilege_DiscoverAccount_Config -OutputPath "$PSScriptRoot\HgsAuditPrivilege_DiscoverAccount_Config"
