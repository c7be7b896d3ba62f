<#
    .DESCRIPTION
        After HGS moved to a new gMSA: the new account holds the right, the old one no longer
        does. Only the old account loses it; LOCAL SERVICE, NETWORK SERVICE and every other
        holder keep it. Accounts may be given by SID, with or without the leading '*'.
#>
Configuration HgsAuditPrivilege_RemoveOldAccount_Config
{
    Import-DscResource -ModuleName 'HgsDsc'

    Node 'localhost'
    {
        HgsAuditPrivilege 'OldAccountRemoved'
        {
            IsSingleInstance = 'Yes'
            Account          = '*S-1-5-21-1004336348-1177238915-682003330-1105'
            Ensure           = 'Absent'
        }
    }
}

HgsAuditPrivilege_RemoveOldAccount_Config -OutputPath "$PSScriptRoot\HgsAuditPrivilege_RemoveOldAccount_Config"
