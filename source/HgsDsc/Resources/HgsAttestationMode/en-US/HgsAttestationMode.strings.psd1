<#
    .SYNOPSIS
        Messages of the resource HgsAttestationMode (en-US). Each message ends with its stable id.
#>

ConvertFrom-StringData @'
    CurrentMode = Get-HgsServer reports that this node is configured for {0} attestation. (HAM0001)
    UnknownAttestationMode = Get-HgsServer reported the attestation mode {0}, which is not Tpm, AD (ActiveDirectory) or HostKey. Run Get-HgsServer on this node and check that the HGS server is initialized. (HAM0002)
    ModeDiffers = This node is configured for {0} attestation, but {1} is desired. Run 'Set-HgsServer -{2}' on every node of the HGS cluster (after a switch from TPM to AD mode the other nodes do not follow by themselves); each node can take up to 10 minutes to enforce the new mode. (HAM0003)
    ModeNotSupported = The property 'Mode' has the value '{0}', which this node cannot enforce: Set-HgsServer has no -{1} switch here (HostKey attestation needs Windows Server 2019 or later). Choose Tpm or ActiveDirectory, or upgrade the HGS nodes. Nothing was changed. (HAM0004)
    SwitchingMode = Switching this node from {0} to {1} attestation with 'Set-HgsServer -{2} -Confirm:$false'. The policies and registrations of the old mode are kept. (HAM0005)
    ModeSwitched = This node is now configured for {0} attestation. It can take up to 10 minutes before it enforces the new mode. Keep the policies that allow hosts in the previous mode until every host attests successfully in {0} mode. (HAM0006)
    ModeNotYetReported = Set-HgsServer accepted {0} attestation, but Get-HgsServer still reports {1}. Each node can take up to 10 minutes to enforce a new mode; the next consistency check will confirm it. (HAM0007)
    HostsRegisteredOnlyForOtherMode = {0} host registration(s) exist for {1} attestation, but none for {2} attestation. Hosts registered only for {1} will fail attestation in {2} mode until they are registered with {3}. Keep the {1} registrations and policies until every host attests in {2} mode. (HAM0008)
'@
