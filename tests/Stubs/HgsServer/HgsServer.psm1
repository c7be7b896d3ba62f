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
#   KeyProtectionShape         'Live' (default) or 'Deserialized' (as Windows PowerShell compatibility returns it)

function New-HgsStubCertificateData
{
    param ([hashtable] $Entry)

    # HGS reports a certificate added by thumbprint as a CertificateReference to the store; the type
    # HGS uses for one added from a PFX file is not documented, only that it is not a reference.
    if ($Entry.AddedBy -eq 'Pfx')
    {
        return [pscustomobject] @{ PSTypeName = 'HgsStub.PfxCertificateData'; Data = [byte[]] @(48, 130) }
    }

    [pscustomobject] @{
        PSTypeName    = 'Microsoft.Windows.KpsServer.Common.CertificateManagement.CertificateReference'
        StoreLocation = 'LocalMachine'
        StoreName     = 'My'
        Thumbprint    = $Entry.Thumbprint
    }
}

function Get-HgsStubCertificate
{
    param ([hashtable] $Entry)

    if ($null -ne $Entry.Certificate)
    {
        return $Entry.Certificate
    }

    [pscustomobject] @{ Thumbprint = $Entry.Thumbprint }
}

function ConvertTo-HgsStubShape
{
    param ($InputObject)

    if ((Get-HgsStubSetting -Name 'KeyProtectionShape' -Default 'Live') -eq 'Deserialized')
    {
        return [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($InputObject, 2))
    }

    $InputObject
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

        ConvertTo-HgsStubShape ([pscustomobject] @{
                Thumbprint      = $entry.Thumbprint
                CertificateType = $entry.CertificateType
                Enabled         = $enabled
                Primary         = $primary
                Certificate     = Get-HgsStubCertificate -Entry $entry
                CertificateData = New-HgsStubCertificateData -Entry $entry
            })
    }
}

function Get-HgsKeyProtectionConfiguration
{
    [CmdletBinding()]
    param ()

    Add-HgsStubCall -Command 'Get-HgsKeyProtectionConfiguration' -Parameters (@{} + $PSBoundParameters)
    $communications = Get-HgsStubSetting -Name 'CommunicationsCertificate' -Default $null
    $configuration = [pscustomobject] @{
        CommunicationsCertificate     = $null
        CommunicationsCertificateData = $null
    }
    if ($null -ne $communications)
    {
        $configuration.CommunicationsCertificate = Get-HgsStubCertificate -Entry $communications
        $configuration.CommunicationsCertificateData = New-HgsStubCertificateData -Entry $communications
    }

    ConvertTo-HgsStubShape $configuration
}

Export-ModuleMember -Function Get-HgsKeyProtectionCertificate, Get-HgsKeyProtectionConfiguration
