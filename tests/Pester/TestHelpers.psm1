<#
    Helpers shared by the Pester tests. The tests run against the module the build produced:
    './build.ps1 -Tasks test' sets HGSDSC_MODULE_PATH to output/module/HgsDsc/<version>.
#>

function Get-HgsDscTestModulePath
{
    [CmdletBinding()]
    [OutputType([System.String])]
    param ()

    $path = $env:HGSDSC_MODULE_PATH
    if ([System.String]::IsNullOrEmpty($path) -or -not (Test-Path -Path (Join-Path -Path $path -ChildPath 'HgsDsc.psd1')))
    {
        throw "HGSDSC_MODULE_PATH does not point at a built HgsDsc module ('$path'). Run the tests with './build.ps1 -Tasks test'."
    }

    return $path
}

function Get-HgsDscStubPath
{
    [CmdletBinding()]
    [OutputType([System.String])]
    param ([Parameter(Mandatory = $true)] [System.String] $Name)

    return (Join-Path -Path $PSScriptRoot -ChildPath "../Stubs/$Name")
}

function Invoke-FreshPowerShell
{
    <#
        .SYNOPSIS
            Runs a script in a new PowerShell process and returns its output as JSON-decoded objects.
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.String] $Script)

    $encoded = [System.Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($Script))
    $hostPath = [System.Environment]::ProcessPath
    if ((Split-Path -Path $hostPath -Leaf) -like 'dotnet*')
    {
        $output = & $hostPath (Join-Path -Path $PSHOME -ChildPath 'pwsh.dll') -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
    }
    else
    {
        $output = & $hostPath -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
    }

    if ($LASTEXITCODE -ne 0)
    {
        throw "The fresh PowerShell process failed ($LASTEXITCODE): $output"
    }

    return ($output -join "`n") | ConvertFrom-Json
}

function New-HgsDscEngineInstance
{
    <#
        .SYNOPSIS
            Creates a resource the way PSDesiredStateConfiguration 2.0.7 does: a new runspace from
            InitialSessionState.CreateDefault2(), 'using module', [Name]::new(). The script in
            -Arrange runs first in that runspace (to load stubs), with -ArrangeArgument as $args[0].
    #>
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true)] [System.String] $Name,
        [Parameter()] [System.String] $Arrange,
        [Parameter()] [System.Object] $ArrangeArgument
    )

    $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    $powershell = [System.Management.Automation.PowerShell]::Create($iss)
    if ($Arrange)
    {
        $null = $powershell.AddScript($Arrange).AddArgument($ArrangeArgument).Invoke()
        $powershell.Commands.Clear()
    }

    $manifest = Join-Path -Path (Get-HgsDscTestModulePath) -ChildPath 'HgsDsc.psd1'
    $null = $powershell.AddScript("using module `"$manifest`"`nreturn [$Name]::new()")
    $instance = $powershell.Invoke() | Select-Object -First 1
    if ($powershell.HadErrors)
    {
        throw "Creating [$Name] failed: $($powershell.Streams.Error[0])"
    }

    return [pscustomobject] @{ Instance = $instance; PowerShell = $powershell }
}

Export-ModuleMember -Function Get-HgsDscTestModulePath, Get-HgsDscStubPath, Invoke-FreshPowerShell, New-HgsDscEngineInstance
