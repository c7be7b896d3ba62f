<#
    Engine conformance seen from PowerShell itself, in fresh sessions: what the DSC v3 adapter
    and PSDesiredStateConfiguration 2.0.7 see of the built module. (tests/HgsDsc.Tests/Conformance
    runs the same checks, and the MOF schema comparison, for every resource from xunit.)
#>
BeforeDiscovery {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    $resources = @((Import-PowerShellDataFile -Path (Join-Path -Path (Get-HgsDscTestModulePath) -ChildPath 'HgsDsc.psd1')).DscResourcesToExport)
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    $script:modulePath = Get-HgsDscTestModulePath

    # In a fresh process, before anything loads HgsDsc.dll: parse the root module as the DSC v3 adapter does.
    $script:scan = Invoke-FreshPowerShell -Script @"
`$dllLoaded = [bool]([System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object -FilterScript { `$_.GetName().Name -eq 'HgsDsc' })
`$tokens = `$null
`$errors = `$null
`$ast = [System.Management.Automation.Language.Parser]::ParseFile('$modulePath/HgsDsc.psm1', [ref] `$tokens, [ref] `$errors)
`$resources = @{}
foreach (`$type in `$ast.FindAll({ param (`$node) `$node -is [System.Management.Automation.Language.TypeDefinitionAst] }, `$true))
{
    if (`$type.Attributes.TypeName.Name -contains 'DscResource')
    {
        `$resources[`$type.Name] = @(`$type.Members | Where-Object -FilterScript { `$_.Attributes.TypeName.Name -contains 'DscProperty' } | ForEach-Object -Process { `$_.Name })
    }
}
@{ DllLoadedBeforeParse = `$dllLoaded; Errors = @(`$errors | ForEach-Object -Process { `$_.Message }); Resources = `$resources } | ConvertTo-Json -Depth 4
"@
}

Describe 'The root module, as the DSC v3 adapter reads it' {
    It 'parses without errors in a fresh session before the dll is loaded' {
        $scan.DllLoadedBeforeParse | Should -BeFalse
        $scan.Errors | Should -BeNullOrEmpty
    }

    It 'declares <_> with exactly the properties the resource has' -ForEach $resources {
        Import-Module -Name (Join-Path -Path $modulePath -ChildPath 'HgsDsc.psd1') -Force
        $expected = (Get-HgsDscResource -Name $_).Properties.Name

        $scan.Resources.$_ | Sort-Object | Should -Be ($expected | Sort-Object)
    }
}

Describe 'The PSDesiredStateConfiguration 2.0.7 call sequence for HgsAttestationMode' {
    BeforeAll {
        $arrange = "`$global:HgsStub = `$args[0]; Import-Module -Name '$(Get-HgsDscStubPath -Name HgsServer)' -Force"
        $script:engine = New-HgsDscEngineInstance -Name 'HgsAttestationMode' -Arrange $arrange -ArrangeArgument @{ Mode = 'Tpm'; Shape = 'Deserialized' }
        $script:resource = $engine.Instance
        $properties = @{ IsSingleInstance = 'Yes'; Mode = 'ActiveDirectory' }
        foreach ($key in $properties.Keys)
        {
            $resource.$key = $properties[$key]
        }
    }

    AfterAll {
        $engine.PowerShell.Dispose()
    }

    It 'Get returns the resource type with the current mode and typed Reasons' {
        $state = $resource.Get()

        $state.GetType().Name | Should -Be 'HgsAttestationMode'
        $state.IsSingleInstance | Should -Be 'Yes'
        $state.Mode | Should -Be 'Tpm'
        $state.Reasons[0].GetType().Name | Should -Be 'HgsDscReason'
        $state.Reasons[0].Phrase | Should -Match 'Set-HgsServer -TrustActiveDirectory'
    }

    It 'Test is false, Set switches the mode, then Test is true and Get has no Reasons' {
        $resource.Get().Reasons.Code | Should -Be 'HgsAttestationMode:HgsAttestationMode:Mode'
        $resource.Test() | Should -BeFalse

        $resource.Set()

        $resource.Test() | Should -BeTrue
        $resource.Get().Reasons | Should -BeNullOrEmpty
    }
}
