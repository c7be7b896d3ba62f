<#
    .SYNOPSIS
        Messages of the resource HgsAuditPrivilege (en-US). Each message ends with its stable id.
#>

ConvertFrom-StringData @'
    ManagingAccount = The KeyProtection account is {0}; desired: {1}. (HAP0001)
    HoldersFound = 'Generate security audits' (SeAuditPrivilege) is assigned directly to: {0}. (HAP0002)
    AccountLacksRight = The account {0} does not hold 'Generate security audits' (SeAuditPrivilege) on this node, so the HGS KeyProtection service answers HTTP 500 ('A required privilege is not held by the client') and Get-HgsKeyProtectionCertificate fails. Grant it on every HGS node while keeping LOCAL SERVICE and NETWORK SERVICE; Set does so without removing any holder. (HAP0003)
    DefaultHoldersMissing = The default holders of 'Generate security audits' (SeAuditPrivilege) are missing on this node: {0}. A policy list that replaced the defaults (it never adds to them) removed them, and the services that run as these accounts can no longer write security audits. Set adds them back without removing any holder. (HAP0004)
    AccountHoldsRight = The account {0} holds 'Generate security audits' (SeAuditPrivilege) on this node, but Ensure is Absent. Set removes the right from this account only; every other holder keeps it. (HAP0005)
    GroupPolicyLacksAccounts = The domain Group Policy {0} defines 'Generate security audits' (SeAuditPrivilege) for this node without {1}, so every Group Policy refresh replaces the local list and undoes a local grant. Add {1} to that setting of the GPO (Computer Configuration\\Policies\\Windows Settings\\Security Settings\\Local Policies\\User Rights Assignment\\Generate security audits), together with the default holders LOCAL SERVICE and NETWORK SERVICE and every account it lists now. (HAP0006)
    GroupPolicyGrantsAccount = The domain Group Policy {0} grants 'Generate security audits' (SeAuditPrivilege) to {1}, so every Group Policy refresh grants it again. Remove {1} from that setting of the GPO (Computer Configuration\\Policies\\Windows Settings\\Security Settings\\Local Policies\\User Rights Assignment\\Generate security audits), keeping LOCAL SERVICE and NETWORK SERVICE. (HAP0007)
    GroupPolicyAgrees = The domain Group Policy {0} defines 'Generate security audits' (SeAuditPrivilege) for this node and lists what this configuration needs. (HAP0008)
    GroupPolicyUnreadable = Could not read the resultant set of policy (Get-CimInstance -Namespace root/rsop/computer -ClassName RSOP_UserPrivilegeRight), so it is unknown whether a domain Group Policy defines 'Generate security audits' for this node and would undo local changes: {0} Check with 'gpresult /scope computer /h gpreport.html'. (HAP0009)
    Granting = Granting 'Generate security audits' (SeAuditPrivilege) to {0} (LsaAddAccountRights adds this one holder; no other is touched). (HAP0010)
    GrantFailedNothingChanged = Granting 'Generate security audits' (SeAuditPrivilege) to {0} failed, so nothing was changed: {1} Not attempted: {2}. Fix the cause and apply the configuration again. (HAP0011)
    GrantFailedPartially = Set granted 'Generate security audits' (SeAuditPrivilege) to {0}, but granting it to {1} failed: {2} Not attempted: {3}. No holder was removed. Fix the cause and apply the configuration again; it grants only what is still missing. (HAP0012)
    Removing = Removing 'Generate security audits' (SeAuditPrivilege) from {0} only (LsaRemoveAccountRights); these holders keep it: {1}. (HAP0013)
    RemoveFailed = Removing 'Generate security audits' (SeAuditPrivilege) from {0} failed, so nothing was changed: {1} (HAP0014)
    Recycled = Recycled the IIS app pool 'KeyProtection' (Restart-WebAppPool), so that {0} logs on again: a newly granted right applies only at the account's next logon. (HAP0015)
    RecycleSkipped = {0} now holds 'Generate security audits' (SeAuditPrivilege), but a right applies only at the account's next logon, and RecycleAppPool is false, so the IIS app pool 'KeyProtection' was not recycled. KeyProtection keeps failing until it is: run 'Restart-WebAppPool -Name KeyProtection'. (HAP0016)
    RecycleFailed = {0} now holds 'Generate security audits' (SeAuditPrivilege), but recycling the IIS app pool 'KeyProtection' failed: {1} The right applies only at the account's next logon: run 'Restart-WebAppPool -Name KeyProtection' (or iisreset). (HAP0017)
    SingleInstanceOnly = The property 'IsSingleInstance' must be 'Yes', not '{0}': a node has one list of holders of SeAuditPrivilege. Nothing was changed. (HAP0018)
    DefaultHolderCannotBeRemoved = The property 'Account' names {0}, a default holder of 'Generate security audits', with Ensure = Absent. Windows and HGS need LOCAL SERVICE and NETWORK SERVICE to keep this right, so this resource never removes it from them. Name the KeyProtection account instead, or use Ensure = Present. Nothing was changed. (HAP0019)
    LsaCallFailed = The LSA call {0} failed with NTSTATUS 0x{1:X8} (Windows error {2}: {3}). (HAP0020)
    LsaAccessDenied = The LSA call {0} was denied (NTSTATUS 0xC0000022, STATUS_ACCESS_DENIED). Reading and changing user rights needs administrator rights: apply the configuration as LocalSystem, as the DSC engines do, or from an elevated session. (HAP0021)
    LsaNoSuchPrivilege = The LSA call {0} failed: this Windows does not know the user right '{1}' (NTSTATUS 0xC0000060, STATUS_NO_SUCH_PRIVILEGE). (HAP0022)
    AbsentNeedsAccount = The property 'Account' must name the account when Ensure is Absent. Without it the account would be discovered from the IIS app pool 'KeyProtection', which is the account HGS runs as: taking the right from it makes KeyProtection fail with HTTP 500. To take the right from a former account, name it in Account (with Ensure = Absent) or in RemoveAccounts. Nothing was changed. (HAP0023)
    FormerAccountHoldsRight = The former account {0} (listed in RemoveAccounts) still holds 'Generate security audits' (SeAuditPrivilege). Set removes it from that account only, after the KeyProtection account has it. (HAP0024)
    FormerAccountIsKept = The property 'RemoveAccounts' lists '{0}', which this resource keeps: LOCAL SERVICE, NETWORK SERVICE and the KeyProtection account ({1}) always hold 'Generate security audits'. Remove it from RemoveAccounts. Nothing was changed. (HAP0025)
'@
