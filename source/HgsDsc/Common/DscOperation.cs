namespace HgsDsc.Common
{
    /// <summary>The method of a resource an engine called.</summary>
    public enum DscOperation
    {
        Get,
        Test,
        Set,
    }
}
