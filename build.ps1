<#
    .SYNOPSIS
        Builds, tests and packs HgsDsc, the way DSC community (Sampler) projects do.

    .DESCRIPTION
        The workflows and their settings live in HgsDsc.build.yaml; the tasks they name are
        defined at the end of this file and run by Invoke-Build. On a machine with only the
        .NET SDK:

            dotnet tool restore
            dotnet pwsh ./build.ps1 -ResolveDependency -Tasks build

        -ResolveDependency downloads what RequiredModules.psd1 lists into output/RequiredModules.

    .PARAMETER Tasks
        Workflows or tasks of HgsDsc.build.yaml to run. '.' (the default) builds the module and
        lists its resources.

    .PARAMETER ResolveDependency
        Download the modules and libraries of RequiredModules.psd1 before running the tasks.

    .PARAMETER BuildConfig
        The build configuration file.

    .EXAMPLE
        ./build.ps1 -ResolveDependency -Tasks test
#>
[CmdletBinding()]
param
(
    [Parameter(Position = 0)]
    [System.String[]]
    $Tasks = '.',

    [Parameter()]
    [System.Management.Automation.SwitchParameter]
    $ResolveDependency,

    [Parameter()]
    [System.String]
    $BuildConfig = (Join-Path -Path $PSScriptRoot -ChildPath 'HgsDsc.build.yaml')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$requiredModulesPath = Join-Path -Path $PSScriptRoot -ChildPath 'output/RequiredModules'

function Get-RequiredDependency
{
    <# The entries of RequiredModules.psd1, each with the folder it lands in. #>
    $manifest = Import-PowerShellDataFile -Path (Join-Path -Path $PSScriptRoot -ChildPath 'RequiredModules.psd1')
    foreach ($name in ($manifest.Keys | Sort-Object))
    {
        $entry = $manifest[$name]
        [pscustomobject] @{
            Name    = $name
            Version = $entry.Version
            Package = $entry.Package
            Kind    = $entry.Kind
            Path    = Join-Path -Path $requiredModulesPath -ChildPath "$name/$($entry.Version)"
        }
    }
}

function Invoke-DependencyResolution
{
    <# Downloads every missing dependency with 'dotnet restore' and lays it out under output/RequiredModules. #>
    $missing = @(Get-RequiredDependency | Where-Object -FilterScript { -not (Test-Path -Path $_.Path) })
    if ($missing.Count -eq 0)
    {
        Write-Host -Object 'Dependencies: all present in output/RequiredModules.'
        return
    }

    $restoreFolder = Join-Path -Path $requiredModulesPath -ChildPath '.restore'
    $packageFolder = Join-Path -Path $requiredModulesPath -ChildPath '.packages'
    $null = New-Item -Path $restoreFolder -ItemType Directory -Force
    $items = ($missing | ForEach-Object -Process { "    <PackageDownload Include=`"$($_.Package)`" Version=`"[$($_.Version)]`" />" }) -join "`n"
    $project = @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup>
$items
  </ItemGroup>
</Project>
"@
    $projectPath = Join-Path -Path $restoreFolder -ChildPath 'RequiredModules.csproj'
    Set-Content -Path $projectPath -Value $project
    Write-Host -Object "Dependencies: downloading $(($missing | ForEach-Object -Process { "$($_.Name) $($_.Version)" }) -join ', ')"
    & dotnet restore $projectPath --packages $packageFolder --nologo --verbosity quiet
    if ($LASTEXITCODE -ne 0)
    {
        throw "Downloading the dependencies failed (dotnet restore exited with $LASTEXITCODE). Check that the NuGet registry is reachable."
    }

    foreach ($dependency in $missing)
    {
        $package = Join-Path -Path $packageFolder -ChildPath "$($dependency.Package.ToLowerInvariant())/$($dependency.Version)"
        $source = if ($dependency.Kind -eq 'Assembly') { Join-Path -Path $package -ChildPath 'lib/netstandard2.0' } else { Join-Path -Path $package -ChildPath 'tools' }
        if (-not (Test-Path -Path $source))
        {
            throw "The package $($dependency.Package) $($dependency.Version) has no '$source'."
        }

        $null = New-Item -Path $dependency.Path -ItemType Directory -Force
        Copy-Item -Path (Join-Path -Path $source -ChildPath '*') -Destination $dependency.Path -Recurse -Force
        Write-Host -Object "Dependencies: $($dependency.Name) $($dependency.Version) -> $($dependency.Path)"
    }
}

# Entry point: resolve dependencies, then hand this same file to Invoke-Build, which runs the tasks below.
if ($MyInvocation.ScriptName -notlike '*Invoke-Build.ps1')
{
    if ($ResolveDependency)
    {
        Invoke-DependencyResolution
    }

    $invokeBuild = Get-RequiredDependency | Where-Object -Property Name -EQ -Value 'InvokeBuild'
    if (-not (Test-Path -Path $invokeBuild.Path))
    {
        throw "InvokeBuild $($invokeBuild.Version) is not in output/RequiredModules. Run './build.ps1 -ResolveDependency' once."
    }

    Import-Module -Name (Join-Path -Path $invokeBuild.Path -ChildPath 'InvokeBuild.psd1') -Force
    Invoke-Build -Task $Tasks -File $MyInvocation.MyCommand.Path -BuildConfig $BuildConfig
    return
}

# ---------------------------------------------------------------------------------------------
# Everything below runs inside Invoke-Build.

$yaml = Get-RequiredDependency | Where-Object -Property Name -EQ -Value 'YamlDotNet'
Add-Type -Path (Join-Path -Path $yaml.Path -ChildPath 'YamlDotNet.dll')
$deserializer = [YamlDotNet.Serialization.DeserializerBuilder]::new().Build()
$config = $deserializer.Deserialize([System.IO.StringReader]::new((Get-Content -Path $BuildConfig -Raw)), [System.Object])

function Get-ConfigPath
{
    param ([System.String] $Name)

    Join-Path -Path $BuildRoot -ChildPath $config['Paths'][$Name]
}

$moduleName = $config['ModuleName']
$moduleVersion = $config['ModuleVersion']
$prerelease = $config['Prerelease']
$configuration = $config['Configuration']
$coreOutput = Join-Path -Path (Get-ConfigPath -Name 'Output') -ChildPath "bin/$moduleName"
$moduleOutput = Join-Path -Path (Get-ConfigPath -Name 'Module') -ChildPath "$moduleName/$moduleVersion"
$testResults = Get-ConfigPath -Name 'TestResults'
$rootModuleSource = Join-Path -Path $BuildRoot -ChildPath "source/$moduleName.psm1"
$script:testCounts = [System.Collections.Generic.List[object]]::new()

function Invoke-FreshPowerShell
{
    <# Runs a script in a new PowerShell 7 process (a fresh session: nothing of this build loaded). #>
    param ([System.String] $Script, [hashtable] $Environment = @{})

    $saved = @{}
    foreach ($key in $Environment.Keys)
    {
        $saved[$key] = [System.Environment]::GetEnvironmentVariable($key)
        [System.Environment]::SetEnvironmentVariable($key, $Environment[$key])
    }

    try
    {
        $encoded = [System.Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($Script))
        $host_ = [System.Environment]::ProcessPath
        if ((Split-Path -Path $host_ -Leaf) -like 'dotnet*')
        {
            # PowerShell as a dotnet tool: the host is dotnet, the shell is pwsh.dll.
            & $host_ (Join-Path -Path $PSHOME -ChildPath 'pwsh.dll') -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
        }
        else
        {
            & $host_ -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
        }

        if ($LASTEXITCODE -ne 0)
        {
            throw "The PowerShell process exited with $LASTEXITCODE."
        }
    }
    finally
    {
        foreach ($key in $saved.Keys)
        {
            [System.Environment]::SetEnvironmentVariable($key, $saved[$key])
        }
    }
}

function Add-TestCount
{
    param ([System.String] $Suite, [int] $Passed, [int] $Failed, [int] $Skipped)

    $script:testCounts.Add([pscustomobject] @{ Suite = $Suite; Passed = $Passed; Failed = $Failed; Skipped = $Skipped })
    Write-Build Cyan "${Suite}: $Passed passed, $Failed failed, $Skipped skipped"
}

# Synopsis: Remove the built module and the test results (downloaded dependencies are kept).
task clean {
    foreach ($path in @((Get-ConfigPath -Name 'Module'), $testResults, $coreOutput))
    {
        if (Test-Path -Path $path)
        {
            Remove-Item -Path $path -Recurse -Force
        }
    }
}

# Synopsis: Compile the C# core (netstandard2.0) with the module's version.
task compile {
    exec { dotnet build (Get-ConfigPath -Name 'CoreProject') --configuration $configuration --output $coreOutput --nologo --verbosity quiet "-p:FileVersion=$moduleVersion" "-p:InformationalVersion=$moduleVersion" }
}

# Synopsis: Fail when source/HgsDsc.psm1 no longer matches the C# resources.
task assert_root_module_current compile, {
    Add-Type -Path (Join-Path -Path $coreOutput -ChildPath "$moduleName.dll")
    $expected = [HgsDsc.Generation.PowerShellTwinWriter]::Write()
    $actual = (Get-Content -Path $rootModuleSource -Raw) -replace "`r`n", "`n"
    if ($actual -ne $expected)
    {
        throw "source/$moduleName.psm1 differs from the C# resources. Run './build.ps1 -Tasks generate' and commit the result."
    }
}

# Synopsis: Rewrite source/HgsDsc.psm1 from the C# resources.
task generate_root_module {
    Add-Type -Path (Join-Path -Path $coreOutput -ChildPath "$moduleName.dll")
    [System.IO.File]::WriteAllText($rootModuleSource, [HgsDsc.Generation.PowerShellTwinWriter]::Write(), [System.Text.UTF8Encoding]::new($false))
    Write-Build Green "Wrote $rootModuleSource"
}

# Synopsis: Lay out output/module/HgsDsc/<version> with the stamped manifest, the root module, the dll and the strings.
task build_module {
    if (Test-Path -Path $moduleOutput)
    {
        Remove-Item -Path $moduleOutput -Recurse -Force
    }

    $null = New-Item -Path $moduleOutput -ItemType Directory -Force
    Copy-Item -Path $rootModuleSource -Destination $moduleOutput
    Copy-Item -Path (Join-Path -Path $coreOutput -ChildPath "$moduleName.dll") -Destination $moduleOutput
    Get-ChildItem -Path $coreOutput -Directory | Where-Object -FilterScript { Get-ChildItem -Path $_.FullName -Filter '*.strings.psd1' } | ForEach-Object -Process {
        Copy-Item -Path $_.FullName -Destination $moduleOutput -Recurse
    }

    $manifest = Get-Content -Path (Join-Path -Path $BuildRoot -ChildPath "$moduleName.psd1") -Raw
    $manifest = $manifest -replace "ModuleVersion(\s*)=(\s*)'[^']*'", "ModuleVersion`$1=`$2'$moduleVersion'"
    $manifest = $manifest -replace "Prerelease(\s*)=(\s*)'[^']*'", "Prerelease`$1=`$2'$prerelease'"
    $manifestPath = Join-Path -Path $moduleOutput -ChildPath "$moduleName.psd1"
    [System.IO.File]::WriteAllText($manifestPath, $manifest, [System.Text.UTF8Encoding]::new($false))
    $null = Test-ModuleManifest -Path $manifestPath
    Write-Build Green "Built $moduleName $moduleVersion in $moduleOutput"
}

# Synopsis: Import the built module in a fresh session and list each resource with its properties.
task show_resources {
    Invoke-FreshPowerShell -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module -Name '$moduleOutput/$moduleName.psd1'
`$module = Get-Module -Name '$moduleName'
"`n`$(`$module.Name) `$(`$module.Version) from `$(`$module.ModuleBase)"
foreach (`$resource in Get-HgsDscResource)
{
    "`n`$(`$resource.Name): `$(`$resource.Description)"
    `$resource.Properties | Format-Table -AutoSize -Property Name, Qualifier, Type, @{ Name = 'AllowedValues'; Expression = { `$_.AllowedValues -join ', ' } } | Out-String -Width 200
}
"@
}

# Synopsis: Run the xunit tests (unit, runspace integration, engine conformance) against the built module.
task test_dotnet {
    $null = New-Item -Path $testResults -ItemType Directory -Force
    $trx = Join-Path -Path $testResults -ChildPath 'dotnet.trx'
    if (Test-Path -Path $trx)
    {
        Remove-Item -Path $trx
    }

    $env:HGSDSC_MODULE_PATH = $moduleOutput
    try
    {
        & dotnet test (Get-ConfigPath -Name 'TestProject') --configuration $configuration --nologo `
            --logger "$($config['Test']['DotNet']['Logger']);LogFileName=dotnet.trx" --logger 'console;verbosity=normal' --results-directory $testResults
        $exitCode = $LASTEXITCODE
    }
    finally
    {
        Remove-Item -Path Env:HGSDSC_MODULE_PATH
    }

    if (-not (Test-Path -Path $trx))
    {
        throw "dotnet test wrote no results (exit code $LASTEXITCODE): the test project did not build or run."
    }

    # The trx counters leave skipped tests out; count the results themselves.
    $results = @(([xml] (Get-Content -Path $trx -Raw)).TestRun.Results.UnitTestResult)
    foreach ($result in $results | Where-Object -Property outcome -EQ -Value 'NotExecuted')
    {
        Write-Build Yellow "Skipped $($result.testName): $($result.Output.ErrorInfo.Message)"
    }

    $outcomes = @($results | ForEach-Object -Process { $_.outcome })
    $passed = @($outcomes | Where-Object -FilterScript { $_ -eq 'Passed' }).Count
    $skipped = @($outcomes | Where-Object -FilterScript { $_ -eq 'NotExecuted' }).Count
    $failed = $outcomes.Count - $passed - $skipped
    if ($exitCode -ne 0 -and $failed -eq 0)
    {
        # The test host ended badly after writing results (a crash, an abort): count it as a failure.
        Write-Build Red "dotnet test exited with $exitCode although no result failed."
        $failed = 1
    }

    Add-TestCount -Suite 'xunit' -Passed $passed -Failed $failed -Skipped $skipped
}

# Synopsis: Run the Pester tests in a fresh PowerShell process against the built module.
task test_pester {
    $null = New-Item -Path $testResults -ItemType Directory -Force
    $pester = Get-RequiredDependency | Where-Object -Property Name -EQ -Value 'Pester'
    $summary = Join-Path -Path $testResults -ChildPath 'pester-summary.json'
    $settings = $config['Test']['Pester']
    Invoke-FreshPowerShell -Environment @{ HGSDSC_MODULE_PATH = $moduleOutput } -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module -Name '$($pester.Path)/Pester.psd1'
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = '$(Get-ConfigPath -Name 'PesterTests')'
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = '$($settings['Output'])'
`$configuration.Filter.ExcludeTag = @($((@($settings['ExcludeTag']) | ForEach-Object -Process { "'$_'" }) -join ','))
`$configuration.TestResult.Enabled = `$true
`$configuration.TestResult.OutputFormat = 'NUnitXml'
`$configuration.TestResult.OutputPath = '$testResults/pester.xml'
`$result = Invoke-Pester -Configuration `$configuration
@{ Passed = `$result.PassedCount; Failed = `$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount; Skipped = `$result.SkippedCount + `$result.NotRunCount } | ConvertTo-Json | Set-Content -Path '$summary'
"@
    $counts = Get-Content -Path $summary -Raw | ConvertFrom-Json
    Add-TestCount -Suite 'Pester' -Passed $counts.Passed -Failed $counts.Failed -Skipped $counts.Skipped
}

# Synopsis: Print one closing line for all test suites; fail when any test failed or none ran.
task test_summary {
    $passed = ($script:testCounts | Measure-Object -Property Passed -Sum).Sum
    $failed = ($script:testCounts | Measure-Object -Property Failed -Sum).Sum
    $skipped = ($script:testCounts | Measure-Object -Property Skipped -Sum).Sum
    Write-Host -Object "Tests: $passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0)
    {
        throw "$failed test(s) failed."
    }

    if ($passed -eq 0)
    {
        throw 'No test ran.'
    }
}

# Synopsis: Time the resources (tests/HgsDsc.Benchmarks): Test through the engine path, and HgsTrustedTpmRoots on 3000 certificates.
task run_benchmarks {
    $env:HGSDSC_MODULE_PATH = $moduleOutput
    try
    {
        exec { dotnet run --configuration Release --project (Get-ConfigPath -Name 'BenchmarkProject') -- engine }
        exec { dotnet run --configuration Release --project (Get-ConfigPath -Name 'BenchmarkProject') }
    }
    finally
    {
        Remove-Item -Path Env:HGSDSC_MODULE_PATH
    }
}

# Synopsis: Zip the built module into output/HgsDsc.<version>.zip.
task package_module {
    $zip = Join-Path -Path (Get-ConfigPath -Name 'Output') -ChildPath "$moduleName.$moduleVersion.zip"
    Compress-Archive -Path (Join-Path -Path (Get-ConfigPath -Name 'Module') -ChildPath $moduleName) -DestinationPath $zip -Force
    Write-Build Green "Packed $zip"
}

# The workflows of HgsDsc.build.yaml, each a task made of the tasks it names.
foreach ($workflow in $config['BuildWorkflow'].Keys)
{
    task $workflow @($config['BuildWorkflow'][$workflow])
}
