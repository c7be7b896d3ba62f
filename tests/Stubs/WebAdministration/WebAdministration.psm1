# Stand-in for the WebAdministration module of IIS (see ../IISAdministration/README.md).
# Parameters follow Microsoft's cmdlet reference; behaviour is steered by $global:IisStub.

if ($null -eq $global:HgsStubCalls)
{
    $global:HgsStubCalls = [System.Collections.Generic.List[object]]::new()
}

function Get-WebStubPools
{
    if ($null -ne $global:IisStub -and $global:IisStub.ContainsKey('AppPools'))
    {
        return $global:IisStub.AppPools
    }

    return @{}
}

function Add-WebStubCall
{
    param ([string] $Command, [hashtable] $Parameters)

    $global:HgsStubCalls.Add(@{ Command = $Command; Parameters = $Parameters })
    if ($null -ne $global:IisStub -and $global:IisStub.ContainsKey('Fail') -and $global:IisStub.Fail.ContainsKey($Command))
    {
        throw [System.InvalidOperationException]::new($global:IisStub.Fail[$Command])
    }
}

function Restart-WebAppPool
{
    [CmdletBinding()]
    param
    (
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [string]
        $Name
    )

    process
    {
        Add-WebStubCall -Command 'Restart-WebAppPool' -Parameters (@{} + $PSBoundParameters)
        $pools = Get-WebStubPools
        if (-not $pools.ContainsKey($Name))
        {
            Write-Error -Message "The application pool '$Name' does not exist." -Category ObjectNotFound
            return
        }

        $pools[$Name].Recycled = 1 + [int] $pools[$Name].Recycled
    }
}

function Get-WebConfigurationProperty
{
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true, Position = 0)]
        [string[]]
        $Filter,

        [Parameter(Position = 1)]
        [string[]]
        $PSPath,

        [Parameter(Mandatory = $true, Position = 2)]
        [string[]]
        $Name,

        [string[]]
        $Location,

        [switch]
        $Recurse,

        [string]
        $Clr
    )

    Add-WebStubCall -Command 'Get-WebConfigurationProperty' -Parameters (@{} + $PSBoundParameters)
    $match = [regex]::Match($Filter[0], "^/?system\.applicationHost/applicationPools/add\[@name='([^']+)'\]/processModel$")
    if (-not $match.Success)
    {
        throw "The WebAdministration stub only reads system.applicationHost/applicationPools/add[@name='...']/processModel, not '$($Filter[0])'."
    }

    $pool = (Get-WebStubPools)[$match.Groups[1].Value]
    if ($null -eq $pool)
    {
        return
    }

    # Configuration attribute names are case-insensitive; the steering hashtable may come from C# and not be.
    $attribute = $Name[0]
    $key = @($pool.Keys) | Where-Object { $_ -eq $attribute } | Select-Object -First 1
    $value = if ($null -ne $key) { $pool[$key] } elseif ($attribute -eq 'identityType') { 'SpecificUser' } else { '' }

    # The real cmdlet returns a ConfigurationAttribute; its Value holds the setting.
    [pscustomobject] @{
        PSTypeName = 'Microsoft.IIs.PowerShell.Framework.ConfigurationAttribute'
        Name       = $attribute
        Value      = [string] $value
    }
}

Export-ModuleMember -Function Restart-WebAppPool, Get-WebConfigurationProperty
