# Stand-in for the IISAdministration module of IIS (see README.md beside it).
# Get-IISAppPool follows Microsoft's cmdlet reference; behaviour is steered by $global:IisStub.

if ($null -eq $global:HgsStubCalls)
{
    $global:HgsStubCalls = [System.Collections.Generic.List[object]]::new()
}

function Get-IisStubSetting
{
    param ([string] $Name, $Default)

    if ($null -ne $global:IisStub -and $global:IisStub.ContainsKey($Name))
    {
        return $global:IisStub[$Name]
    }

    return $Default
}

function New-IisStubAppPool
{
    param ([string] $Name, [hashtable] $Settings, [string] $Shape)

    $processModel = [pscustomobject] @{
        PSTypeName   = 'Microsoft.Web.Administration.ApplicationPoolProcessModel'
        IdentityType = $(if ($Settings.ContainsKey('IdentityType')) { $Settings.IdentityType } else { 'SpecificUser' })
        UserName     = $Settings.UserName
        Password     = ''
    }
    $pool = [pscustomobject] @{
        PSTypeName   = 'Microsoft.Web.Administration.ApplicationPool'
        Name         = $Name
        State        = 'Started'
        ProcessModel = $processModel
    }

    switch ($Shape)
    {
        'Live' { return $pool }
        'Deserialized'
        {
            return [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($pool, 2))
        }
        'Flattened'
        {
            # What Windows PowerShell compatibility returns: nested objects past depth 1 become their type name.
            $pool.ProcessModel = 'Microsoft.Web.Administration.ApplicationPoolProcessModel'
            return [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($pool, 1))
        }
        default { throw "IisStub.Shape '$Shape' is not Live, Deserialized or Flattened." }
    }
}

function Get-IISAppPool
{
    [CmdletBinding()]
    param
    (
        [Parameter(Position = 0)]
        [string[]]
        $Name
    )

    $global:HgsStubCalls.Add(@{ Command = 'Get-IISAppPool'; Parameters = (@{} + $PSBoundParameters) })
    $failures = Get-IisStubSetting -Name 'Fail' -Default @{}
    if ($failures.ContainsKey('Get-IISAppPool'))
    {
        throw [System.InvalidOperationException]::new($failures['Get-IISAppPool'])
    }

    $pools = Get-IisStubSetting -Name 'AppPools' -Default @{}
    $shape = Get-IisStubSetting -Name 'Shape' -Default 'Live'
    $names = if ($PSBoundParameters.ContainsKey('Name')) { $Name } else { @($pools.Keys) }
    foreach ($poolName in $names)
    {
        if ($pools.ContainsKey($poolName))
        {
            New-IisStubAppPool -Name $poolName -Settings $pools[$poolName] -Shape $shape
        }
    }
}

Export-ModuleMember -Function Get-IISAppPool
