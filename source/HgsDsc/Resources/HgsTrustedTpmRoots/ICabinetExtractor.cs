namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>Extracts the published package cabinet (TrustedTpm.cab) into a folder.</summary>
    public interface ICabinetExtractor
    {
        /// <summary>Null when this machine can extract cabinets; otherwise why not (for the error message).</summary>
        string? WhyUnavailable();

        /// <summary>Extracts every file of <paramref name="cabinet"/>, with its folders, below <paramref name="destination"/>.</summary>
        void Extract(string cabinet, string destination);
    }
}
