using System;

namespace HgsDsc.Resources.HgsAttestationMode
{
    /// <summary>The attestation modes HGS can enforce.</summary>
    public enum AttestationMode
    {
        /// <summary>TPM-trusted attestation: hosts are identified by their TPM (Set-HgsServer -TrustTpm).</summary>
        Tpm,

        /// <summary>Admin-trusted attestation: hosts are trusted by AD group (Set-HgsServer -TrustActiveDirectory).</summary>
        ActiveDirectory,

        /// <summary>Host key attestation, Windows Server 2019 and later (Set-HgsServer -TrustHostKey).</summary>
        HostKey,
    }

    /// <summary>The spellings of a mode that Get-HgsServer and the documentation use.</summary>
    public static class AttestationModeText
    {
        /// <summary>Reads a mode as HGS reports it: <c>Tpm</c>, <c>AD</c>, <c>ActiveDirectory</c>, <c>HostKey</c>, with or without <c>Trust</c>.</summary>
        public static AttestationMode? Parse(string? text)
        {
            var value = (text ?? string.Empty).Trim();
            if (value.StartsWith("Trust", StringComparison.OrdinalIgnoreCase))
            {
                value = value.Substring("Trust".Length);
            }

            switch (value.ToUpperInvariant())
            {
                case "TPM":
                    return AttestationMode.Tpm;
                case "AD":
                case "ACTIVEDIRECTORY":
                    return AttestationMode.ActiveDirectory;
                case "HOSTKEY":
                    return AttestationMode.HostKey;
                default:
                    return null;
            }
        }

        /// <summary>The switch of Set-HgsServer that selects the mode.</summary>
        public static string SetHgsServerSwitch(AttestationMode mode) => "Trust" + mode;

        /// <summary>The command that registers a host for the mode.</summary>
        public static string RegistrationCommand(AttestationMode mode)
        {
            switch (mode)
            {
                case AttestationMode.Tpm:
                    return "Add-HgsAttestationTpmHost";
                case AttestationMode.ActiveDirectory:
                    return "Add-HgsAttestationHostGroup";
                default:
                    return "Add-HgsAttestationHostKey";
            }
        }
    }
}
