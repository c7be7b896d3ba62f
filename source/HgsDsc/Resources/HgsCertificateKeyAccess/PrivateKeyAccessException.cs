using System;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>A private key or its security descriptor could not be read or written, and why.</summary>
    public sealed class PrivateKeyAccessException : Exception
    {
        public PrivateKeyAccessException(PrivateKeyProblem problem, int errorCode, string message)
            : base(message)
        {
            Problem = problem;
            ErrorCode = errorCode;
        }

        public PrivateKeyProblem Problem { get; }

        /// <summary>The HRESULT the provider returned (0 when there was none).</summary>
        public int ErrorCode { get; }
    }
}
