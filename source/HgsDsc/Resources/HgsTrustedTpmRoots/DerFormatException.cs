using System;

namespace HgsDsc.Resources.HgsTrustedTpmRoots
{
    /// <summary>What kind of damage stops DER from being read; each kind has one message for administrators.</summary>
    internal enum DerProblem
    {
        /// <summary>An element runs past the data that holds it, or the data ends where an element was expected.</summary>
        Truncated,

        /// <summary>Encodings certificates never use: indefinite or oversized lengths, multi-byte tags.</summary>
        UnsupportedEncoding,

        /// <summary>Readable DER that is not laid out as expected (another tag, fields missing or left over).</summary>
        UnexpectedStructure,
    }

    /// <summary>
    /// Damaged DER. The message is technical English for Verbose output and developers; what an
    /// administrator reads comes from the strings file, chosen by <see cref="Problem"/>.
    /// </summary>
    internal sealed class DerFormatException : FormatException
    {
        public DerFormatException(DerProblem problem, string detail)
            : base(detail)
        {
            Problem = problem;
        }

        public DerProblem Problem { get; }
    }
}
