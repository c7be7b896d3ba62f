namespace HgsDsc.Common
{
    /// <summary>
    /// One way the node differs from the desired state: which property, what was wanted, what
    /// was found, and the sentence (with the guide's remediation) that becomes a Reason.
    /// </summary>
    public sealed class StateDifference
    {
        public StateDifference(string property, object? expected, object? actual, string phrase)
        {
            Property = property;
            Expected = expected;
            Actual = actual;
            Phrase = phrase;
        }

        public string Property { get; }

        public object? Expected { get; }

        public object? Actual { get; }

        public string Phrase { get; }

        public HgsDscReason ToReason(string resourceName) =>
            new HgsDscReason($"{resourceName}:{resourceName}:{Property}", Phrase);

        public override string ToString() => Phrase;
    }
}
