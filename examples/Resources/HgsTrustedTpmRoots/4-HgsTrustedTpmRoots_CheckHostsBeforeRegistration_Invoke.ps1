<#
    .DESCRIPTION
        Before TPM hosts are registered: makes sure this HGS node has the package, then checks
        the hosts' platform identifier files with Test-HgsPlatformIdentifier (part of HgsDsc).

        On each host, in an elevated PowerShell (a non-elevated one leaves the EKcert out):
            (Get-PlatformIdentifier -Name $env:COMPUTERNAME).InnerXml |
                Out-File "$env:COMPUTERNAME.xml" -Encoding UTF8
        Copy the files to C:\HGS\Hosts on an HGS node and run this script there, elevated.
#>

$resource = @{
    Name       = 'HgsTrustedTpmRoots'
    ModuleName = 'HgsDsc'
    Property   = @{
        Path = 'C:\HGS\TrustedTpm'
    }
}

if (-not (Invoke-DscResource @resource -Method Test).InDesiredState)
{
    Invoke-DscResource @resource -Method Set -Verbose
}

$reports = Get-ChildItem -Path 'C:\HGS\Hosts' -Filter '*.xml' | Test-HgsPlatformIdentifier
$reports | Format-Table -AutoSize -Property HostName, Status, MissingIssuer, ChainProblems

foreach ($report in $reports)
{
    if ($report.IsTrusted)
    {
        # Add-HgsAttestationTpmHost accepts this host.
        $report.RegisterCommand
    }
    else
    {
        # NoEKCert: run Get-PlatformIdentifier elevated, or confirm with the OEM and register with
        # -Force (-Force -PolicyVersion v1 on Windows Server 2019 and later).
        # Untrusted: install the vendor certificate named in MissingIssuer on every HGS node;
        # ChainProblems says what else stopped the chain (an expired intermediate, a loop, ...).
        Write-Warning -Message $report.Message
    }
}
