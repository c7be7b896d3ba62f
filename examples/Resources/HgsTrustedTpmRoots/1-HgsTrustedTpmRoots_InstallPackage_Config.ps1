<#
    .DESCRIPTION
        Installs the whole Trusted TPM root certificate package on an HGS node: every vendor's
        root certificates into LocalMachine\TrustedTPM_RootCA and its intermediate certificates
        into LocalMachine\TrustedTPM_IntermediateCA. Nothing is removed.

        Download TrustedTpm.cab from Microsoft, then either expand it once
        (mkdir C:\HGS\TrustedTpm; expand.exe -F:* TrustedTpm.cab C:\HGS\TrustedTpm) and give the
        folder, or give the .cab itself (it is expanded into a temporary folder at every run).
        Apply the same configuration to every node of the HGS cluster.
#>
Configuration HgsTrustedTpmRoots_InstallPackage_Config
{
    Import-DscResource -ModuleName HgsDsc

    Node localhost
    {
        HgsTrustedTpmRoots TrustedTpmPackage
        {
            Path = 'C:\HGS\TrustedTpm'
        }
    }
}
