namespace HgsDsc.Common
{
    /// <summary>
    /// Where a resource says what it found and what it will change. The delegating cmdlet
    /// routes these to PowerShell's Verbose and Warning streams.
    /// </summary>
    public interface IDscLog
    {
        void Verbose(string message);

        void Warning(string message);
    }

    /// <summary>A log that drops everything, for callers that did not attach one.</summary>
    public sealed class NullDscLog : IDscLog
    {
        public static readonly NullDscLog Instance = new NullDscLog();

        private NullDscLog()
        {
        }

        public void Verbose(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
