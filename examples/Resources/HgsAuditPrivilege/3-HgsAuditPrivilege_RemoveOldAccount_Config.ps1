<#
    .DESCRIPTION
        After HGS moved to a new gMSA: the new account (discovered from the IIS app pool
        KeyProtection) holds the right, and the old one no longer does. Set grants the new
        account first and then removes the right from the old account only; LOCAL SERVICE,
        NETWORK SERVICE and every other holder keep it. Accounts may be given by name or by
        SID, with or without the leading '*'.
#>
Configuration HgsAuditPrivilege_RemoveOldAccount_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node 'localhost'
    {
        HgsAuditPrivilege 'AuditPrivilege'
        {
            IsSingleInstance = 'Yes'
            Ensure           = 'Present'
            RemoveAccounts   = @('*S-1-5-21-1004336348-1177238915-682003330-1105')
        }
    }
}

HgsAuditPrivilege_RemoveOldAccount_Config -OutputPath "$PSScriptRoot\HgsAuditPrivilege_RemoveOldAccount_Config"
