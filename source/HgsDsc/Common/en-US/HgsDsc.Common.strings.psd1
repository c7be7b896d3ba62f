<#
    .SYNOPSIS
        Messages shared by every HgsDsc resource (en-US). Each message ends with its stable id.
        A translation goes in a folder named after its culture (for example de-DE) beside
        this one and may leave out any message: the en-US text is used for what it lacks.
#>

ConvertFrom-StringData @'
    GettingCurrentState = Reading the current state of {0} on this node. (HGS0001)
    InDesiredState = {0} is in the desired state. (HGS0002)
    NotInDesiredState = {0} is not in the desired state. (HGS0003)
    NothingToChange = {0} is already in the desired state; nothing was changed. (HGS0004)
    WillChange = Changing: {0} (HGS0005)
    SetCompleted = {0} now matches the desired state. (HGS0006)
    SetDidNotConverge = {0} changed the node, but a new reading still differs from the desired state: {1} Run the configuration again; if it persists, check the node's event log. (HGS0007)
    PropertyNotInDesiredState = The property {0} should be {1}, but was {2}. (HGS0008)
    PropertyRequired = The property '{0}' of {1} must be given a value. (HGS0009)
    PropertyConversionFailed = The property '{0}' cannot take the value '{1}': {2} (HGS0010)
    UnknownResource = HgsDsc has no resource named '{0}'. The resources are: {1}. (HGS0011)
    CommandFailed = The command '{0}' failed on this node: {1} (HGS0012)
    WindowsOnly = {0} can only run on Windows; this node runs '{1}'. Apply this resource to a Windows Server HGS node. (HGS0013)
    HgsModuleMissing = The command '{0}' of the HgsServer module was not found, so this node does not have the Host Guardian Service role. Install it with 'Install-WindowsFeature -Name HostGuardianServiceRole -IncludeManagementTools', initialize or join HGS, then apply the configuration again. (HGS0014)
    AccountDiscovered = The KeyProtection app pool runs as '{0}' ({1}); using that account. (HGS0015)
    AccountEmpty = The property '{0}' is empty, so it names no account. Write the account as DOMAIN\\name$ (a group managed service account), DOMAIN\\name, name$, or as its SID (S-1-5-21-... or *S-1-5-21-...). Nothing was changed. (HGS0016)
    AccountMalformedSid = The property '{0}' has the value '{1}', which starts like a SID but is not one. A SID is written S-1-, the identifier authority, then its sub-authorities, all decimal numbers separated by hyphens (for example S-1-5-21-1004336348-1177238915-682003330-1001); a leading * as secedit writes it is allowed. Nothing was changed. (HGS0017)
    AccountTooManyBackslashes = The property '{0}' has the value '{1}', which holds more than one backslash. Write one account as DOMAIN\\name$ or DOMAIN\\name. Nothing was changed. (HGS0018)
    AccountDomainEmpty = The property '{0}' has the value '{1}', which has nothing before its backslash. Write DOMAIN\\name$, or leave out the backslash. Nothing was changed. (HGS0019)
    AccountNameEmpty = The property '{0}' has the value '{1}', which names a domain but no account. Write DOMAIN\\name$ or DOMAIN\\name. Nothing was changed. (HGS0020)
    AccountForbiddenCharacter = The property '{0}' has the value '{1}', which contains '{2}', a character Windows does not allow in account or domain names. Correct the account name, or give the account's SID. Nothing was changed. (HGS0021)
    AccountNotFound = The property '{0}' names the account '{1}', which this node cannot find (looked up as '{2}'). Check the spelling and the domain. For the HGS group managed service account, run (Get-IISAppPool -Name KeyProtection).ProcessModel.UserName on an HGS node and use that name, or give the account's SID. Nothing was changed. (HGS0022)
    AccountLookupFailed = Looking up the account '{0}' failed with Windows error {1}: {2} Check that this node can reach a domain controller of the account's domain, then apply the configuration again. (HGS0023)
    IisModuleMissing = The command '{0}' of the {1} module was not found, so this node cannot read or recycle the IIS app pool '{2}' of HGS. On an HGS node, install the IIS management scripts and tools with 'Install-WindowsFeature -Name Web-Scripting-Tools'; or name the KeyProtection account explicitly in the configuration. (HGS0024)
    AppPoolMissing = The IIS app pool '{0}' does not exist on this node, so the HGS KeyProtection account cannot be discovered. Initialize HGS on this node (Initialize-HgsServer on the first node, Initialize-HgsServer -HgsServerIPAddress on the others), or name the account explicitly in the configuration. (HGS0025)
    AppPoolHasNoAccount = The IIS app pool '{0}' has no user name (identity type '{1}'), but HGS runs KeyProtection as its group managed service account. Check it with (Get-IISAppPool -Name {0}).ProcessModel, repair HGS, or name the account explicitly in the configuration. (HGS0026)
    ProcessModelUnreadable = Get-IISAppPool returned the IIS app pool '{0}' without its ProcessModel (PowerShell 7 runs the IIS cmdlets through Windows PowerShell compatibility, which flattens nested objects), and the {1} module, which reads the setting directly, is missing. Install it with 'Install-WindowsFeature -Name Web-Scripting-Tools', or name the KeyProtection account explicitly in the configuration. (HGS0027)
    AppPoolCommandFailed = The command '{0}' failed for the IIS app pool '{1}': {2} (HGS0028)
    AccountNotAnAccount = The property '{0}' has the value '{1}', which Windows resolves (looked up as '{2}') to {3}, a SID of type {4}: not a user, group, computer or service account, so nothing granted to it reaches any account. A name without a domain is matched against domain names first. Write the account as DOMAIN\\name$ (a group managed service account) or DOMAIN\\name, or give its SID. Nothing was changed. (HGS0029)
    AccountSidDoesNotResolve = The property '{0}' gives the SID '{1}', which resolves to no account on this node. HgsDsc uses it as given; if it is mistyped, the right or access goes to nobody. Check it with (New-Object System.Security.Principal.SecurityIdentifier '{1}').Translate([System.Security.Principal.NTAccount]). (HGS0030)
    UnexpectedError = {0}.{1}() failed unexpectedly ({2}: {3}). Nothing more was changed after this point. Run it again with -Verbose and report the output to the HgsDsc maintainers. (HGS0031)
'@
