<#
    Against the real HgsServer module on a real HGS node (an administrator runs the suite in a
    lab). Elsewhere every test is reported as skipped with the reason. Only safe operations:
    the attestation mode is never switched.
#>
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    $script:whyNot = $null
    if (-not $IsWindows)
    {
        $script:whyNot = "needs a Windows Server HGS node; this machine runs $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription)"
    }
    elseif (-not (Get-Module -ListAvailable -Name HgsServer))
    {
        $script:whyNot = 'needs the Host Guardian Service role (no HgsServer module on this machine)'
    }
}

Describe 'HgsAttestationMode on this HGS node' -Tag 'RealNode' {
    It 'reports the mode Get-HgsServer reports, with no Reasons when that mode is desired' {
        if ($whyNot)
        {
            Set-ItResult -Skipped -Because $whyNot
            return
        }

        Import-Module -Name (Join-Path -Path (Get-HgsDscTestModulePath) -ChildPath 'HgsDsc.psd1') -Force
        $resource = & (Get-Module -Name HgsDsc) { [HgsAttestationMode]::new() }
        $resource.IsSingleInstance = 'Yes'
        $resource.Mode = 'Tpm'

        # Whatever the node enforces, Get reports it; asking for that mode must then be the desired state.
        $mode = $resource.Get().Mode
        $mode | Should -BeIn @('Tpm', 'ActiveDirectory', 'HostKey')
        $resource.Mode = $mode

        $resource.Get().Reasons | Should -BeNullOrEmpty
        $resource.Test() | Should -BeTrue
    }
}
