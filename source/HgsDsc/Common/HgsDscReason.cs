using System.Management.Automation;

namespace HgsDsc.Common
{
    /// <summary>
    /// One reason why a resource is not in the desired state, in the shape Azure Machine
    /// Configuration reads: exactly two strings, <c>Code</c> (<c>Resource:Resource:Property</c>)
    /// and <c>Phrase</c> (a sentence an administrator can act on).
    /// </summary>
    public sealed class HgsDscReason
    {
        public HgsDscReason()
        {
        }

        public HgsDscReason(string code, string phrase)
        {
            Code = code;
            Phrase = phrase;
        }

        [DscProperty]
        public string? Code { get; set; }

        [DscProperty]
        public string? Phrase { get; set; }

        public override string ToString() => Code + ": " + Phrase;
    }
}
