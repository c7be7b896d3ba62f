BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    $script:modulePath = Get-HgsDscTestModulePath
    $script:manifest = Import-PowerShellDataFile -Path (Join-Path -Path $modulePath -ChildPath 'HgsDsc.psd1')
}

Describe 'The built HgsDsc module' {
    It 'imports in a fresh PowerShell session and exports exactly what the manifest lists' {
        $result = Invoke-FreshPowerShell -Script @"
`$ErrorActionPreference = 'Stop'
`$module = Import-Module -Name '$modulePath/HgsDsc.psd1' -PassThru
@{
    Version   = `$module.Version.ToString()
    Commands  = @(`$module.ExportedCommands.Keys | Sort-Object)
    Resources = @(`$module.ExportedDscResources | Sort-Object)
    Listed    = @(Get-HgsDscResource | ForEach-Object -Process { `$_.Name } | Sort-Object)
} | ConvertTo-Json
"@
        $result.Version | Should -Match '^\d+\.\d+\.\d+$'
        $result.Commands | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        $result.Listed | Should -Be @($manifest.DscResourcesToExport | Sort-Object)
    }

    It 'lists every DSC resource to Get-Module -ListAvailable, as Get-DscResource and Invoke-DscResource discover them' {
        $result = Invoke-FreshPowerShell -Script @"
`$env:PSModulePath = '$(Split-Path -Path (Split-Path -Path $modulePath -Parent) -Parent)' + [System.IO.Path]::PathSeparator + `$env:PSModulePath
@{ Resources = @((Get-Module -ListAvailable -Name HgsDsc).ExportedDscResources | Sort-Object) } | ConvertTo-Json
"@
        $result.Resources | Should -Be @($manifest.DscResourcesToExport | Sort-Object)
    }

    It 'is stamped with the version of HgsDsc.build.yaml' {
        $yaml = Get-Content -Path (Join-Path -Path $PSScriptRoot -ChildPath '../../HgsDsc.build.yaml') -Raw
        $expected = [regex]::Match($yaml, '(?m)^ModuleVersion:\s*(\S+)').Groups[1].Value

        $manifest.ModuleVersion | Should -Be $expected
        Split-Path -Path $modulePath -Leaf | Should -Be $expected
    }

    It 'ships the dll, the root module and the en-US strings of every resource' {
        Join-Path -Path $modulePath -ChildPath 'HgsDsc.dll' | Should -Exist
        Join-Path -Path $modulePath -ChildPath 'HgsDsc.psm1' | Should -Exist
        foreach ($name in @($manifest.DscResourcesToExport) + 'HgsDsc.Common')
        {
            Join-Path -Path $modulePath -ChildPath "en-US/$name.strings.psd1" | Should -Exist
        }
    }

    It 'has every strings file readable by ConvertFrom-StringData, as Windows PowerShell reads them' {
        foreach ($file in Get-ChildItem -Path (Join-Path -Path $modulePath -ChildPath 'en-US') -Filter '*.strings.psd1')
        {
            $strings = & ([scriptblock]::Create((Get-Content -Path $file.FullName -Raw)))
            $strings | Should -BeOfType [hashtable]
            $strings.Count | Should -BeGreaterThan 0 -Because $file.Name
        }
    }
}
