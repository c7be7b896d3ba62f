<#
    .SYNOPSIS
        Messages about accounts, shared by every resource that grants something to an account
        (en-US): reading account names, looking them up, and finding the HGS KeyProtection
        account in IIS. Each message ends with its stable id.
#>

ConvertFrom-StringData @'
    AccountEmpty = The property '{0}' is empty, so it names no account. Write the account as DOMAIN\\name$ (a group managed service account), DOMAIN\\name, name$, or as its SID (S-1-5-21-... or *S-1-5-21-...). Nothing was changed. (HAP0101)
    AccountMalformedSid = The property '{0}' has the value '{1}', which starts like a SID but is not one. A SID is written S-1-, the identifier authority, then its sub-authorities, all decimal numbers separated by hyphens (for example S-1-5-21-1004336348-1177238915-682003330-1001); a leading * as secedit writes it is allowed. Nothing was changed. (HAP0102)
    AccountTooManyBackslashes = The property '{0}' has the value '{1}', which holds more than one backslash. Write one account as DOMAIN\\name$ or DOMAIN\\name. Nothing was changed. (HAP0103)
    AccountDomainEmpty = The property '{0}' has the value '{1}', which has nothing before its backslash. Write DOMAIN\\name$, or leave out the backslash. Nothing was changed. (HAP0104)
    AccountNameEmpty = The property '{0}' has the value '{1}', which names a domain but no account. Write DOMAIN\\name$ or DOMAIN\\name. Nothing was changed. (HAP0105)
    AccountForbiddenCharacter = The property '{0}' has the value '{1}', which contains '{2}', a character Windows does not allow in account or domain names. Correct the account name, or give the account's SID. Nothing was changed. (HAP0106)
    AccountNotFound = The property '{0}' names the account '{1}', which this node cannot find (looked up as '{2}'). Check the spelling and the domain. For the HGS group managed service account, run (Get-IISAppPool -Name KeyProtection).ProcessModel.UserName on an HGS node and use that name, or give the account's SID. Nothing was changed. (HAP0107)
    AccountLookupFailed = Looking up the account '{0}' failed with Windows error {1}: {2} Check that this node can reach a domain controller of the account's domain, then apply the configuration again. (HAP0108)
    IisModuleMissing = The command '{0}' of the {1} module was not found, so this node cannot read or recycle the IIS app pool '{2}' of HGS. On an HGS node, install the IIS management scripts and tools with 'Install-WindowsFeature -Name Web-Scripting-Tools'; or name the KeyProtection account explicitly in the configuration. (HAP0109)
    AppPoolMissing = The IIS app pool '{0}' does not exist on this node, so the HGS KeyProtection account cannot be discovered. Initialize HGS on this node (Initialize-HgsServer on the first node, Initialize-HgsServer -HgsServerIPAddress on the others), or name the account explicitly in the configuration. (HAP0110)
    AppPoolHasNoAccount = The IIS app pool '{0}' has no user name (identity type '{1}'), but HGS runs KeyProtection as its group managed service account. Check it with (Get-IISAppPool -Name {0}).ProcessModel, repair HGS, or name the account explicitly in the configuration. (HAP0111)
    ProcessModelUnreadable = Get-IISAppPool returned the IIS app pool '{0}' without its ProcessModel (PowerShell 7 runs the IIS cmdlets through Windows PowerShell compatibility, which flattens nested objects), and the {1} module, which reads the setting directly, is missing. Install it with 'Install-WindowsFeature -Name Web-Scripting-Tools', or name the KeyProtection account explicitly in the configuration. (HAP0112)
    AppPoolCommandFailed = The command '{0}' failed for the IIS app pool '{1}': {2} (HAP0113)
'@
