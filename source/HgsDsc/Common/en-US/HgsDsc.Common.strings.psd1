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
'@
