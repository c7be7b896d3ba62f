# Stand-in for the HgsServer module of the Host Guardian Service role (see ../README.md).
# Parameter sets follow Microsoft's cmdlet reference; behaviour is steered by $global:HgsStub.

if ($null -eq $global:HgsStubCalls)
{
    $global:HgsStubCalls = [System.Collections.Generic.List[object]]::new()
}

function Get-HgsStubSetting
{
    param ([string] $Name, $Default)

    if ($null -ne $global:HgsStub -and $global:HgsStub.ContainsKey($Name))
    {
        return $global:HgsStub[$Name]
    }

    return $Default
}

function Add-HgsStubCall
{
    param ([string] $Command, [hashtable] $Parameters)

    $global:HgsStubCalls.Add(@{ Command = $Command; Parameters = $Parameters })
    $failures = Get-HgsStubSetting -Name 'Fail' -Default @{}
    if ($failures.ContainsKey($Command))
    {
        throw [System.InvalidOperationException]::new($failures[$Command])
    }
}

function Get-HgsServer
{
    [CmdletBinding()]
    param ()

    Add-HgsStubCall -Command 'Get-HgsServer' -Parameters (@{} + $PSBoundParameters)
    $mode = Get-HgsStubSetting -Name 'Mode' -Default 'Tpm'
    $settings = [ordered] @{
        AttestationOperationMode = $mode
        AttestationUrl           = @([uri] 'http://hgs.contoso.com/Attestation')
        KeyProtectionUrl         = @([uri] 'http://hgs.contoso.com/KeyProtection')
    }

    switch (Get-HgsStubSetting -Name 'Shape' -Default 'Hashtable')
    {
        'Hashtable' { return [hashtable] $settings }
        'Entries' { return $settings.GetEnumerator() | ForEach-Object { [pscustomobject] @{ Name = $_.Key; Value = $_.Value } } }
        'Object' { return [pscustomobject] $settings }
        'ValueObject'
        {
            $settings.AttestationOperationMode = [pscustomobject] @{ Value = $mode }
            return [pscustomobject] $settings
        }
        'Deserialized'
        {
            $settings.AttestationOperationMode = [pscustomobject] @{ Value = $mode }
            $xml = [System.Management.Automation.PSSerializer]::Serialize([pscustomobject] $settings)
            return [System.Management.Automation.PSSerializer]::Deserialize($xml)
        }
    }
}

function Set-HgsServer
{
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param
    (
        [Parameter(Mandatory = $true, ParameterSetName = 'TrustActiveDirectory')]
        [switch]
        $TrustActiveDirectory,

        [Parameter(Mandatory = $true, ParameterSetName = 'TrustTpm')]
        [switch]
        $TrustTpm
    )

    dynamicparam
    {
        # -TrustHostKey exists only on Windows Server 2019 and later.
        if (Get-HgsStubSetting -Name 'HostKeySupported' -Default $true)
        {
            $attribute = [System.Management.Automation.ParameterAttribute]::new()
            $attribute.Mandatory = $true
            $attribute.ParameterSetName = 'TrustHostKey'
            $collection = [System.Collections.ObjectModel.Collection[System.Attribute]]::new()
            $collection.Add($attribute)
            $parameters = [System.Management.Automation.RuntimeDefinedParameterDictionary]::new()
            $parameters.Add('TrustHostKey', [System.Management.Automation.RuntimeDefinedParameter]::new('TrustHostKey', [switch], $collection))
            return $parameters
        }
    }

    end
    {
        $bound = @{} + $PSBoundParameters
        if ($PSCmdlet.ShouldProcess('HGS server', "Set attestation mode ($($PSCmdlet.ParameterSetName))"))
        {
            Add-HgsStubCall -Command 'Set-HgsServer' -Parameters $bound
            if (-not (Get-HgsStubSetting -Name 'LagSet' -Default $false))
            {
                $global:HgsStub.Mode = $PSCmdlet.ParameterSetName.Substring('Trust'.Length)
            }
        }
    }
}

function Get-HgsAttestationTpmHost
{
    [CmdletBinding()]
    param ([string] $Name)

    Add-HgsStubCall -Command 'Get-HgsAttestationTpmHost' -Parameters (@{} + $PSBoundParameters)
    Get-HgsStubSetting -Name 'TpmHosts' -Default @()
}

function Get-HgsAttestationHostGroup
{
    [CmdletBinding()]
    param ([string] $Name)

    Add-HgsStubCall -Command 'Get-HgsAttestationHostGroup' -Parameters (@{} + $PSBoundParameters)
    Get-HgsStubSetting -Name 'HostGroups' -Default @()
}

function Get-HgsAttestationHostKey
{
    [CmdletBinding()]
    param ([string] $Name)

    Add-HgsStubCall -Command 'Get-HgsAttestationHostKey' -Parameters (@{} + $PSBoundParameters)
    Get-HgsStubSetting -Name 'HostKeys' -Default @()
}

Export-ModuleMember -Function Get-HgsServer, Set-HgsServer, Get-HgsAttestationTpmHost, Get-HgsAttestationHostGroup, Get-HgsAttestationHostKey

# ---- HgsKeyProtection certificates (HgsCertificateKeyAccess) ------------------------------------
# On a node these two cmdlets come from the module HgsKeyProtection, installed with the HGS role
# beside HgsServer; they live here so that one Import-Module brings every HGS stub. Parameter sets
# follow Microsoft's cmdlet reference. Steered by $global:HgsStub (see ../README.md):
#   KeyProtectionCertificates  @( @{ Thumbprint; CertificateType = 'Signing'|'Encryption'; Enabled; Primary;
#                                    AddedBy = 'Thumbprint'|'Pfx'; Certificate = <X509Certificate2, optional> } )
#   CommunicationsCertificate  @{ Thumbprint; AddedBy; Certificate } or absent
#   KeyProtectionShape         'Live' (default): the objects as the cmdlets return them in Windows PowerShell.
#                              'Deserialized': serialized to depth 2 and back (as Export-Clixml/Import-Clixml
#                              give them): nested objects keep their properties under 'Deserialized.' type names.
#                              'Flattened': serialized to depth 1 and back, as Windows PowerShell compatibility
#                              in PowerShell 7 (and remoting) returns them: a nested object past that depth
#                              arrives as its ToString() text, so CertificateData is only a type name.
#
# The real output types are .NET classes (KeyCertificate, ServiceConfiguration, CertificateReference);
# the serializer applies its depth to their properties, not to the note properties of a
# [pscustomobject], so PowerShell classes stand in for them and carry the real type names.

class HgsStubKeyCertificate
{
    [string] $Thumbprint
    [string] $CertificateType
    [bool] $Enabled
    [bool] $Primary
    [object] $Certificate
    [object] $CertificateData
}

class HgsStubServiceConfiguration
{
    [object] $CommunicationsCertificate
    [object] $CommunicationsCertificateData
}

class HgsStubCertificateReference
{
    [string] $StoreLocation = 'LocalMachine'
    [string] $StoreName = 'My'
    [string] $Thumbprint

    # What .NET's Object.ToString() gives for a class that does not override it: its full name.
    [string] ToString() { return 'Microsoft.Windows.KpsServer.Common.CertificateManagement.CertificateReference' }
}

# HGS's type for a certificate added from a PFX file is not documented. The adding cmdlets call
# that parameter set FullCertificate (and the reference one CertificateReference, the known
# type name), so the stand-in takes that name.
class HgsStubFullCertificate
{
    [byte[]] $Data = [byte[]] @(48, 130)

    [string] ToString() { return 'Microsoft.Windows.KpsServer.Common.CertificateManagement.FullCertificate' }
}

# A certificate given by thumbprint only; its text has the [Thumbprint] section that
# X509Certificate2.ToString() has, which is what survives when a serializer flattens it.
class HgsStubCertificate
{
    [string] $Thumbprint

    [string] ToString() { return "[Subject]`r`n  CN=HGS stub`r`n`r`n[Thumbprint]`r`n  $($this.Thumbprint)`r`n" }
}

# Gives a nested stand-in the real type name, as a real object has it by nature. Not for the
# 'Flattened' shape: the serializer keeps type names added to an object even past its depth,
# while a real nested object past it keeps nothing but its ToString() text.
function Add-HgsStubTypeName
{
    param ($InputObject, [string] $TypeName)

    if ((Get-HgsStubSetting -Name 'KeyProtectionShape' -Default 'Live') -ne 'Flattened')
    {
        $InputObject.PSObject.TypeNames.Insert(0, $TypeName)
    }

    $InputObject
}

function New-HgsStubCertificateData
{
    param ([hashtable] $Entry)

    if ($Entry.AddedBy -eq 'Pfx')
    {
        return Add-HgsStubTypeName ([HgsStubFullCertificate]::new()) 'Microsoft.Windows.KpsServer.Common.CertificateManagement.FullCertificate'
    }

    $reference = [HgsStubCertificateReference]::new()
    $reference.Thumbprint = $Entry.Thumbprint
    Add-HgsStubTypeName $reference 'Microsoft.Windows.KpsServer.Common.CertificateManagement.CertificateReference'
}

function Get-HgsStubCertificate
{
    param ([hashtable] $Entry)

    if ($null -ne $Entry.Certificate)
    {
        return $Entry.Certificate
    }

    $certificate = [HgsStubCertificate]::new()
    $certificate.Thumbprint = $Entry.Thumbprint
    $certificate
}

function ConvertTo-HgsStubShape
{
    param ($InputObject, [string] $TypeName)

    $InputObject.PSObject.TypeNames.Insert(0, $TypeName)
    $depth = switch (Get-HgsStubSetting -Name 'KeyProtectionShape' -Default 'Live')
    {
        'Live' { return $InputObject }
        'Deserialized' { 2 }
        'Flattened' { 1 }
        default { throw "Unknown KeyProtectionShape '$_': use Live, Deserialized or Flattened." }
    }

    [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($InputObject, $depth))
}

function Get-HgsKeyProtectionCertificate
{
    [CmdletBinding(DefaultParameterSetName = 'GetMultipleCerts')]
    param
    (
        [Parameter(ParameterSetName = 'GetMultipleCerts')]
        [Parameter(Mandatory = $true, ParameterSetName = 'GetOneCert')]
        [ValidateSet('Signing', 'Encryption')]
        [string]
        $CertificateType,

        [Parameter(ParameterSetName = 'GetMultipleCerts')]
        [bool]
        $IsEnabled,

        [Parameter(ParameterSetName = 'GetMultipleCerts')]
        [bool]
        $IsPrimary,

        [Parameter(Mandatory = $true, ParameterSetName = 'GetOneCert')]
        [string]
        $Thumbprint
    )

    Add-HgsStubCall -Command 'Get-HgsKeyProtectionCertificate' -Parameters (@{} + $PSBoundParameters)
    foreach ($entry in @(Get-HgsStubSetting -Name 'KeyProtectionCertificates' -Default @()))
    {
        $enabled = if ($entry.ContainsKey('Enabled')) { [bool] $entry.Enabled } else { $true }
        $primary = if ($entry.ContainsKey('Primary')) { [bool] $entry.Primary } else { $false }
        if (($PSBoundParameters.ContainsKey('CertificateType') -and $entry.CertificateType -ne $CertificateType) -or
            ($PSBoundParameters.ContainsKey('IsEnabled') -and $enabled -ne $IsEnabled) -or
            ($PSBoundParameters.ContainsKey('IsPrimary') -and $primary -ne $IsPrimary) -or
            ($PSBoundParameters.ContainsKey('Thumbprint') -and $entry.Thumbprint -ne $Thumbprint))
        {
            continue
        }

        $certificate = [HgsStubKeyCertificate]::new()
        $certificate.Thumbprint = $entry.Thumbprint
        $certificate.CertificateType = $entry.CertificateType
        $certificate.Enabled = $enabled
        $certificate.Primary = $primary
        $certificate.Certificate = Get-HgsStubCertificate -Entry $entry
        $certificate.CertificateData = New-HgsStubCertificateData -Entry $entry
        ConvertTo-HgsStubShape $certificate 'Microsoft.Windows.KpsServer.Common.Store.Data.KeyCertificate'
    }
}

function Get-HgsKeyProtectionConfiguration
{
    [CmdletBinding()]
    param ()

    Add-HgsStubCall -Command 'Get-HgsKeyProtectionConfiguration' -Parameters (@{} + $PSBoundParameters)
    $communications = Get-HgsStubSetting -Name 'CommunicationsCertificate' -Default $null
    $configuration = [HgsStubServiceConfiguration]::new()
    if ($null -ne $communications)
    {
        $configuration.CommunicationsCertificate = Get-HgsStubCertificate -Entry $communications
        $configuration.CommunicationsCertificateData = New-HgsStubCertificateData -Entry $communications
    }

    ConvertTo-HgsStubShape $configuration 'Microsoft.Windows.KpsServer.Common.Store.Data.ServiceConfiguration'
}

Export-ModuleMember -Function Get-HgsKeyProtectionCertificate, Get-HgsKeyProtectionConfiguration

#region Attestation policies (HgsDumpPolicy) -------------------------------------------------
# Get-, Enable-, Disable-, Remove-HgsAttestationPolicy and Add-HgsAttestationDumpPolicy, with
# the parameter sets of the HgsAttestation cmdlet reference. The policies live in
# $global:HgsStub.Policies (a list of hashtables: Name, PolicyType, State, PolicyVersion,
# Stage, PublicKeyHash), so changes are seen by the next Get. See ../README.md.

enum AttestationPolicyState
{
    Disabled
    Enabled
    Locked
}

enum PolicyVersion
{
    None
    PolicyVersion1503
    PolicyVersion1704
}

# The live output type; its exact properties are not documented by Microsoft.
class AttestationPolicyInfo
{
    [string] $Name
    [string] $PolicyType
    [AttestationPolicyState] $State
    [PolicyVersion] $PolicyVersion
    [bool] $Stage
    [string] $PublicKeyHash
}

function New-HgsStubPolicy
{
    param ([string] $Name, [string] $PolicyType, [string] $State, [string] $PolicyVersion = 'PolicyVersion1704')

    @{ Name = $Name; PolicyType = $PolicyType; State = $State; PolicyVersion = $PolicyVersion; Stage = $false; PublicKeyHash = $null }
}

function Initialize-HgsStubPolicies
{
    if ($null -eq $global:HgsStub)
    {
        $global:HgsStub = @{}
    }

    $noUpdate = Get-HgsStubSetting -Name 'NoDumpUpdate' -Default $false
    $given = Get-HgsStubSetting -Name 'Policies' -Default $null
    if ($null -eq $given)
    {
        $given = @(
            New-HgsStubPolicy -Name 'Hgs_SecureBootEnabled' -PolicyType 'SecureBootEnabled' -State 'Locked'
            New-HgsStubPolicy -Name 'Hgs_UefiDebugDisabled' -PolicyType 'UefiDebugDisabled' -State 'Locked'
            New-HgsStubPolicy -Name 'Hgs_IommuEnabled' -PolicyType 'IommuEnabled' -State 'Enabled'
            New-HgsStubPolicy -Name 'Hgs_BitLockerEnabled' -PolicyType 'BitLockerEnabled' -State 'Disabled'
            # New policies arrive disabled after the cumulative update.
            New-HgsStubPolicy -Name 'Hgs_NoDumps' -PolicyType 'NoDumps' -State 'Disabled'
            New-HgsStubPolicy -Name 'Hgs_DumpEncryption' -PolicyType 'DumpEncryption' -State 'Disabled'
            New-HgsStubPolicy -Name 'Hgs_DumpEncryptionKey' -PolicyType 'DumpEncryptionKey' -State 'Disabled'
        )
    }

    $policies = [System.Collections.Generic.List[object]]::new()
    foreach ($policy in $given)
    {
        $entry = @{ Stage = $false; PublicKeyHash = $null; PolicyVersion = 'PolicyVersion1704' }
        foreach ($key in $policy.Keys)
        {
            $entry[$key] = $policy[$key]
        }

        if ($noUpdate -and $entry.PolicyType -in 'NoDumps', 'DumpEncryption', 'DumpEncryptionKey')
        {
            continue
        }

        $policies.Add($entry)
    }

    $global:HgsStub.Policies = $policies
}

function ConvertTo-HgsStubPolicyOutput
{
    param ([hashtable] $Policy)

    $hash = if (Get-HgsStubSetting -Name 'HideKeyHash' -Default $false) { $null } else { $Policy.PublicKeyHash }
    $shape = Get-HgsStubSetting -Name 'PolicyShape' -Default 'Info'
    if ($shape -in 'Info', 'Deserialized')
    {
        $output = [AttestationPolicyInfo]::new()
        $output.Name = $Policy.Name
        $output.PolicyType = $Policy.PolicyType
        $output.State = $Policy.State
        $output.PolicyVersion = if ($Policy.PolicyVersion) { $Policy.PolicyVersion } else { 'None' }
        $output.Stage = [bool] $Policy.Stage
        $output.PublicKeyHash = $hash
    }
    else
    {
        # The other likely shape: Type, Enabled/Locked flags, Version, IsStaged, KeyHash.
        $output = [pscustomobject] @{
            Name     = $Policy.Name
            Type     = $Policy.PolicyType
            Enabled  = $Policy.State -ne 'Disabled'
            Locked   = $Policy.State -eq 'Locked'
            Version  = $Policy.PolicyVersion
            IsStaged = [bool] $Policy.Stage
            KeyHash  = $hash
        }
    }

    if ($shape -like 'Deserialized*')
    {
        return [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($output))
    }

    return $output
}

function Find-HgsStubPolicy
{
    param ([string] $Name, [hashtable] $Bound, [bool] $Stage)

    # Without -PolicyVersion the cmdlets act on the default version (or on unversioned entries).
    $version = if ($Bound.ContainsKey('PolicyVersion')) { [string] $Bound.PolicyVersion } else { Get-HgsStubSetting -Name 'DefaultPolicyVersion' -Default 'PolicyVersion1704' }
    @($global:HgsStub.Policies | Where-Object {
            $_.Name -eq $Name -and [bool] $_.Stage -eq $Stage -and (-not $_.PolicyVersion -or $_.PolicyVersion -eq $version)
        })
}

function Get-HgsAttestationPolicy
{
    [CmdletBinding()]
    param
    (
        [Parameter(Position = 0, ValueFromPipeline = $true)]
        [string]
        $Name,

        [AttestationPolicyState]
        $State,

        [string[]]
        $PolicyType,

        [PolicyVersion]
        $PolicyVersion,

        [switch]
        $Stage
    )

    process
    {
        Add-HgsStubCall -Command 'Get-HgsAttestationPolicy' -Parameters (@{} + $PSBoundParameters)
        foreach ($policy in $global:HgsStub.Policies)
        {
            if ([bool] $policy.Stage -ne $Stage.IsPresent) { continue }
            if ($PSBoundParameters.ContainsKey('Name') -and $policy.Name -notlike $Name) { continue }
            if ($PSBoundParameters.ContainsKey('State') -and $policy.State -ne [string] $State) { continue }
            if ($PSBoundParameters.ContainsKey('PolicyType') -and $policy.PolicyType -notin $PolicyType) { continue }
            if ($PSBoundParameters.ContainsKey('PolicyVersion') -and $policy.PolicyVersion -and $policy.PolicyVersion -ne [string] $PolicyVersion) { continue }
            ConvertTo-HgsStubPolicyOutput -Policy $policy
        }
    }
}

function Set-HgsStubPolicyState
{
    param ([string] $Command, [string] $Name, [hashtable] $Bound, [bool] $Stage, [string] $To)

    $targets = Find-HgsStubPolicy -Name $Name -Bound $Bound -Stage $Stage
    if ($targets.Count -eq 0)
    {
        throw [System.ArgumentException]::new("${Command}: no attestation policy named '$Name' was found.")
    }

    foreach ($policy in $targets)
    {
        if ($policy.State -eq 'Locked')
        {
            if ($To -eq 'Enabled') { continue }
            throw [System.InvalidOperationException]::new("${Command}: the attestation policy '$Name' is locked and cannot be changed.")
        }

        if ($To -eq 'Removed')
        {
            if ($policy.Name -like 'Hgs_*')
            {
                throw [System.InvalidOperationException]::new("${Command}: the built-in attestation policy '$Name' cannot be removed.")
            }

            [void] $global:HgsStub.Policies.Remove($policy)
        }
        else
        {
            $policy.State = $To
            ConvertTo-HgsStubPolicyOutput -Policy $policy
        }
    }
}

function Enable-HgsAttestationPolicy
{
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param
    (
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [string]
        $Name,

        [PolicyVersion]
        $PolicyVersion,

        [switch]
        $Stage
    )

    process
    {
        $bound = @{} + $PSBoundParameters
        if ($PSCmdlet.ShouldProcess($Name, 'Enable attestation policy'))
        {
            Add-HgsStubCall -Command 'Enable-HgsAttestationPolicy' -Parameters $bound
            Set-HgsStubPolicyState -Command 'Enable-HgsAttestationPolicy' -Name $Name -Bound $bound -Stage $Stage.IsPresent -To 'Enabled'
        }
    }
}

function Disable-HgsAttestationPolicy
{
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param
    (
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [string]
        $Name,

        [PolicyVersion]
        $PolicyVersion,

        [switch]
        $Stage
    )

    process
    {
        $bound = @{} + $PSBoundParameters
        if ($PSCmdlet.ShouldProcess($Name, 'Disable attestation policy'))
        {
            Add-HgsStubCall -Command 'Disable-HgsAttestationPolicy' -Parameters $bound
            Set-HgsStubPolicyState -Command 'Disable-HgsAttestationPolicy' -Name $Name -Bound $bound -Stage $Stage.IsPresent -To 'Disabled'
        }
    }
}

function Remove-HgsAttestationPolicy
{
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param
    (
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [string]
        $Name,

        [PolicyVersion]
        $PolicyVersion,

        [switch]
        $Stage
    )

    process
    {
        $bound = @{} + $PSBoundParameters
        if ($PSCmdlet.ShouldProcess($Name, 'Remove attestation policy'))
        {
            Add-HgsStubCall -Command 'Remove-HgsAttestationPolicy' -Parameters $bound
            Set-HgsStubPolicyState -Command 'Remove-HgsAttestationPolicy' -Name $Name -Bound $bound -Stage $Stage.IsPresent -To 'Removed'
        }
    }
}

function Add-HgsAttestationDumpPolicy
{
    [CmdletBinding(DefaultParameterSetName = 'Console', SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param
    (
        [Parameter(Mandatory = $true, Position = 0, ParameterSetName = 'Console', ValueFromPipelineByPropertyName = $true)]
        [string]
        $PublicKeyHash,

        [Parameter(Mandatory = $true, Position = 0, ParameterSetName = 'File', ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('FilePath', 'PSPath')]
        [string]
        $Path,

        [Parameter(Mandatory = $true, ParameterSetName = 'Console')]
        [Parameter(ParameterSetName = 'File')]
        [string]
        $Name,

        [PolicyVersion]
        $PolicyVersion,

        [switch]
        $Stage
    )

    process
    {
        $bound = @{} + $PSBoundParameters
        if ($PSCmdlet.ParameterSetName -eq 'Console' -and $PublicKeyHash -notmatch '^[0-9A-Fa-f]{64}$')
        {
            throw [System.ArgumentException]::new("Add-HgsAttestationDumpPolicy: '$PublicKeyHash' is not a SHA256 public key hash.")
        }

        $version = if ($bound.ContainsKey('PolicyVersion')) { [string] $PolicyVersion } else { Get-HgsStubSetting -Name 'DefaultPolicyVersion' -Default 'PolicyVersion1704' }
        if (-not $Name) { $Name = [System.IO.Path]::GetFileNameWithoutExtension($Path) }
        if (@($global:HgsStub.Policies | Where-Object { $_.Name -eq $Name -and $_.PolicyVersion -eq $version -and [bool] $_.Stage -eq $Stage.IsPresent }).Count -gt 0)
        {
            throw [System.InvalidOperationException]::new("Add-HgsAttestationDumpPolicy: an attestation policy named '$Name' already exists.")
        }

        if ($PSCmdlet.ShouldProcess($Name, 'Add dump encryption key policy'))
        {
            Add-HgsStubCall -Command 'Add-HgsAttestationDumpPolicy' -Parameters $bound
            # The File set reads the hash from a TCG log, which the stub does not parse.
            $policy = @{ Name = $Name; PolicyType = 'DumpEncryptionKey'; State = 'Enabled'; PolicyVersion = $version; Stage = $Stage.IsPresent; PublicKeyHash = $(if ($PSCmdlet.ParameterSetName -eq 'Console') { $PublicKeyHash }) }
            $global:HgsStub.Policies.Add($policy)
            ConvertTo-HgsStubPolicyOutput -Policy $policy
        }
    }
}

Initialize-HgsStubPolicies

# 'NoDumpUpdate' (or 'NoDumpPolicyCommand' alone) stands for a node without the cumulative update: no Add-HgsAttestationDumpPolicy.
$dumpPolicyCommands = @('Get-HgsAttestationPolicy', 'Enable-HgsAttestationPolicy', 'Disable-HgsAttestationPolicy', 'Remove-HgsAttestationPolicy')
if (-not ((Get-HgsStubSetting -Name 'NoDumpUpdate' -Default $false) -or (Get-HgsStubSetting -Name 'NoDumpPolicyCommand' -Default $false)))
{
    $dumpPolicyCommands += 'Add-HgsAttestationDumpPolicy'
}

Export-ModuleMember -Function $dumpPolicyCommands
#endregion
