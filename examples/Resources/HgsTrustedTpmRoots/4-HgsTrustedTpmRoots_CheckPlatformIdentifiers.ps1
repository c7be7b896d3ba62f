<#
    .DESCRIPTION
        Before registering TPM hosts, checks their platform identifier files against the
        TrustedTPM stores of this HGS node (Test-HgsPlatformIdentifier, part of HgsDsc).

        On each host, in an elevated PowerShell (a non-elevated one leaves the EKcert out):
            (Get-PlatformIdentifier -Name $env:COMPUTERNAME).InnerXml |
                Out-File "$env:COMPUTERNAME.xml" -Encoding UTF8
        Copy the files to C:\HGS\Hosts on an HGS node and run this script there.
#>
Import-Module HgsDsc

$reports = Get-ChildItem -Path 'C:\HGS\Hosts' -Filter '*.xml' | Test-HgsPlatformIdentifier
$reports | Format-Table -AutoSize HostName, Status, MissingIssuer

foreach ($report in $reports)
{
    switch ($report.Status)
    {
        'Trusted'
        {
            # Ready: Add-HgsAttestationTpmHost accepts this host.
            $report.RegisterCommand
        }

        default
        {
            # NoEKCert: run Get-PlatformIdentifier elevated, or confirm with the OEM and register with -Force
            #           (-Force -PolicyVersion v1 on Windows Server 2019 and later).
            # Untrusted: install the vendor root/intermediate named in MissingIssuer (HgsTrustedTpmRoots).
            Write-Warning $report.Message
        }
    }
}
