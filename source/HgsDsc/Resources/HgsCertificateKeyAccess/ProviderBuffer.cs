using System;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// The two-call protocol of NCryptGetProperty and CryptGetProvParam: ask for the size with no
    /// buffer, then fill a buffer of that size. Kept apart from the P/Invoke code so that the
    /// providers' variations are tested on any system.
    /// </summary>
    internal static class ProviderBuffer
    {
        // The value can grow between the two calls (an entry added meanwhile); a few rounds cover that.
        private const int Rounds = 4;

        /// <summary>
        /// One call of the provider: <paramref name="buffer"/> is null to ask for the size; returns
        /// 0 on success or the error (an HRESULT, a SECURITY_STATUS or a Win32 error) and sets
        /// <paramref name="size"/> to the bytes needed or written.
        /// </summary>
        public delegate int Query(byte[]? buffer, ref int size);

        /// <summary>The value the provider returns, exactly as long as it says; errors are classified for <paramref name="providerName"/>.</summary>
        /// <exception cref="PrivateKeyAccessException">The provider failed or returned nothing.</exception>
        public static byte[] Read(Query query, KeyOperation operation, string api, string? providerName = null)
        {
            var status = 0;
            for (var round = 0; round < Rounds; round++)
            {
                // A size query may answer success or "buffer too small"; both carry the size.
                var size = 0;
                status = query(null, ref size);
                if (status != 0 && !PrivateKeyErrors.IsBufferTooSmall(status))
                {
                    throw WindowsPrivateKeySecurity.Failure(operation, api, status, providerName);
                }

                if (size <= 0)
                {
                    throw status == 0 ? Empty(api) : WindowsPrivateKeySecurity.Failure(operation, api, status, providerName);
                }

                var buffer = new byte[size];
                status = query(buffer, ref size);
                if (status == 0 && size > buffer.Length)
                {
                    status = PrivateKeyErrors.BufferTooSmall;
                }

                if (status == 0)
                {
                    return size > 0 ? Exactly(buffer, size) : throw Empty(api);
                }

                if (!PrivateKeyErrors.IsBufferTooSmall(status))
                {
                    throw WindowsPrivateKeySecurity.Failure(operation, api, status, providerName);
                }
            }

            throw WindowsPrivateKeySecurity.Failure(operation, api, status, providerName);
        }

        // CryptGetProvParam(PP_KEYSET_SEC_DESCR) reports success with no data when it cannot read the
        // container's security; that must not reach the parser as an empty descriptor.
        private static PrivateKeyAccessException Empty(string api) =>
            new PrivateKeyAccessException(PrivateKeyProblem.Failed, 0, api + ": the provider reported success but returned no data.");

        private static byte[] Exactly(byte[] buffer, int size)
        {
            if (size == buffer.Length)
            {
                return buffer;
            }

            var exact = new byte[size];
            Buffer.BlockCopy(buffer, 0, exact, 0, size);
            return exact;
        }
    }
}
