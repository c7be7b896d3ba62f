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
