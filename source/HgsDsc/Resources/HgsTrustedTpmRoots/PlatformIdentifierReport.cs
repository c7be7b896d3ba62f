namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>The outcome of Test-HgsPlatformIdentifier for one platform identifier file.</summary>
    public sealed class PlatformIdentifierReport
    {
        public string Path { get; internal set; } = string.Empty;

        /// <summary>The name given to Get-PlatformIdentifier -Name on the host (ForeignKey), if the file has one.</summary>
        public string? HostName { get; internal set; }

        public PlatformIdentifierStatus Status { get; internal set; }

        /// <summary>True only for <see cref="PlatformIdentifierStatus.Trusted"/>.</summary>
        public bool IsTrusted => Status == PlatformIdentifierStatus.Trusted;

        public bool HasEKPub { get; internal set; }

        public bool HasEKCert { get; internal set; }

        public string? EKCertSubject { get; internal set; }

        public string? EKCertIssuer { get; internal set; }

        public string? EKCertThumbprint { get; internal set; }

        /// <summary>The certificates of the chain that was built, from the EKcert upwards (subjects).</summary>
        public string[] Chain { get; internal set; } = new string[0];

        /// <summary>The root of TrustedTPM_RootCA the EKcert chains to.</summary>
        public string? TrustedRoot { get; internal set; }

        /// <summary>The issuer that is missing from the TrustedTPM stores (the vendor's root or intermediate).</summary>
        public string? MissingIssuer { get; internal set; }

        /// <summary>Problems along a chain that reaches a trusted root (for example NotTimeValid).</summary>
        public string[] ChainProblems { get; internal set; } = new string[0];

        /// <summary>What it means and what to do, from the troubleshooting guide.</summary>
        public string Message { get; internal set; } = string.Empty;

        /// <summary>The registration command to run on an HGS node once the message's advice is followed.</summary>
        public string[] RegisterCommand { get; internal set; } = new string[0];

        public override string ToString() => Message;
    }
}
