@{
    # The build stamps ModuleVersion (from HgsDsc.build.yaml) into the copy under output/module.
    RootModule           = 'HgsDsc.psm1'
    ModuleVersion        = '0.0.1'
    GUID                 = '5b0f7d2c-4f3e-4a8e-9c61-2f7b8f0e6a13'
    Author               = 'HgsDsc contributors'
    CompanyName          = 'HgsDsc contributors'
    Copyright            = '(c) HgsDsc contributors. MIT License.'
    Description          = 'DSC resources that keep Host Guardian Service (HGS) nodes in the state the HGS troubleshooting guide demands: private-key access and audit privilege for the KeyProtection gMSA, attestation mode on every node, trusted TPM roots, and memory-dump policies.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')

    # The C# core: the resources' logic and the cmdlets the classes of HgsDsc.psm1 delegate to.
    NestedModules        = @('HgsDsc.dll')

    CmdletsToExport      = @('Get-HgsDscResource', 'Test-HgsPlatformIdentifier')
    FunctionsToExport    = @()
    VariablesToExport    = @()

    # AliasesToExport is left out on purpose (the module defines no alias). When Cmdlets-,
    # Functions- and AliasesToExport are all explicit, PowerShell 7's Get-Module -ListAvailable
    # reports no DSC resources for the module (PowerShell/PowerShell#12054), so Get-DscResource
    # and Invoke-DscResource (PSDesiredStateConfiguration 2.x) and Azure Machine Configuration
    # cannot find them. A test checks both.
    DscResourcesToExport = @('HgsAttestationMode', 'HgsAuditPrivilege', 'HgsCertificateKeyAccess', 'HgsDumpPolicy', 'HgsTrustedTpmRoots')

    PrivateData          = @{
        PSData = @{
            Tags         = @('DesiredStateConfiguration', 'DSC', 'DSCResource', 'HGS', 'HostGuardianService', 'GuardedFabric', 'ShieldedVM')
            LicenseUri   = ''
            ProjectUri   = ''
            ReleaseNotes = ''
            Prerelease   = ''
        }
    }
}
