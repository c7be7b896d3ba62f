<#
    Everything the build and the tests load that is not in this repository, with exact
    versions. './build.ps1 -ResolveDependency' downloads each from the NuGet registry (with
    'dotnet restore', so the machine's NuGet configuration applies) into output/RequiredModules.

    Kind 'Module'   : a PowerShell module; the package's tools folder is the module.
    Kind 'Assembly' : a .NET library the build script loads; its netstandard2.0 dll is used.
#>
@{
    InvokeBuild = @{ Version = '5.14.23'; Package = 'Invoke-Build'; Kind = 'Module' }   # runs the tasks of build.ps1
    Pester      = @{ Version = '5.7.1'; Package = 'Pester'; Kind = 'Module' }           # the PowerShell tests in tests/Pester
    YamlDotNet  = @{ Version = '16.3.0'; Package = 'YamlDotNet'; Kind = 'Assembly' }     # reads HgsDsc.build.yaml
}
