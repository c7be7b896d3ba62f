<#
    The examples must stay true to the code: every resource block and every Invoke-DscResource
    call names a real resource, real properties, allowed values, and every key. Configurations
    cannot be compiled here (PSDesiredStateConfiguration is Windows-only), so their resource
    blocks are read from the text.
#>
BeforeDiscovery {
    $examples = Get-ChildItem -Path (Join-Path -Path $PSScriptRoot -ChildPath '../../examples') -Filter '*.ps1' -Recurse |
        ForEach-Object -Process { @{ Name = $_.Name; Path = $_.FullName } }
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path -Path (Get-HgsDscTestModulePath) -ChildPath 'HgsDsc.psd1') -Force
    $script:schema = @{}
    foreach ($resource in Get-HgsDscResource)
    {
        $script:schema[$resource.Name] = $resource
    }

    function Assert-ResourceUsage
    {
        param ([System.String] $Resource, [hashtable] $Properties, [System.String] $Where)

        $schema.ContainsKey($Resource) | Should -BeTrue -Because "$Where names the resource $Resource"
        $definition = $schema[$Resource]
        foreach ($name in $Properties.Keys)
        {
            $property = $definition.Properties | Where-Object -Property Name -EQ -Value $name
            $property | Should -Not -BeNullOrEmpty -Because "$Where sets $Resource.$name"
            $property.Qualifier | Should -Not -Be 'Read' -Because "$Where sets the read-only $Resource.$name"
            if ($property.AllowedValues.Count -gt 0 -and $Properties[$name] -is [System.String])
            {
                $property.AllowedValues | Should -Contain $Properties[$name] -Because "$Where sets $Resource.$name"
            }
        }

        foreach ($required in $definition.Properties | Where-Object -FilterScript { $_.Qualifier -in 'Key', 'Required' })
        {
            $Properties.Keys | Should -Contain $required.Name -Because "$Where must set $Resource.$($required.Name)"
        }
    }
}

Describe 'Example <Name>' -ForEach $examples {
    It 'uses only real resources, properties and values' {
        $text = Get-Content -Path $Path -Raw
        $uses = 0

        # Resource blocks of a configuration: ResourceName 'Id' { Name = 'value' ... }
        foreach ($block in [regex]::Matches($text, "(?ms)^\s*(?<resource>Hgs\w+)\s+'[^']+'\s*\{(?<body>.*?)^\s*\}"))
        {
            $properties = @{}
            foreach ($line in [regex]::Matches($block.Groups['body'].Value, "(?m)^\s*(?<name>\w+)\s*=\s*(?<value>.+?)\s*$"))
            {
                $value = $line.Groups['value'].Value
                $properties[$line.Groups['name'].Value] = if ($value -match "^'([^']*)'$") { $Matches[1] } else { $value }
            }

            Assert-ResourceUsage -Resource $block.Groups['resource'].Value -Properties $properties -Where $Name
            $uses++
        }

        # Invoke-DscResource calls: a hashtable with Name, ModuleName and Property.
        $ast = [System.Management.Automation.Language.Parser]::ParseInput(($text -replace '(?ms)^Configuration .*', ''), [ref] $null, [ref] $null)
        foreach ($table in $ast.FindAll({ param ($node) $node -is [System.Management.Automation.Language.HashtableAst] }, $true))
        {
            $keys = $table.KeyValuePairs | ForEach-Object -Process { $_.Item1.Extent.Text }
            if ($keys -contains 'ModuleName' -and $keys -contains 'Property')
            {
                $safe = $table.SafeGetValue()
                $safe.ModuleName | Should -Be 'HgsDsc'
                Assert-ResourceUsage -Resource $safe.Name -Properties $safe.Property -Where $Name
                $uses++
            }
        }

        $uses | Should -BeGreaterThan 0 -Because "$Name must show at least one HgsDsc resource"
    }
}
