namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>What was being done with a private key when a provider returned an error.</summary>
    public enum KeyOperation
    {
        Open,
        ReadSecurity,
        WriteSecurity,
    }

    /// <summary>
    /// Turns the errors of CryptAcquireCertificatePrivateKey, NCrypt and CryptoAPI into the
    /// <see cref="PrivateKeyProblem"/> an administrator can act on. Kept apart from the P/Invoke
    /// code so that the mapping is tested on any system.
    /// </summary>
    public static class PrivateKeyErrors
    {
        internal const int CryptNoKeyProperty = unchecked((int)0x8009200B);
        internal const int BadFlags = unchecked((int)0x80090009);
        internal const int BadType = unchecked((int)0x8009000A);
        internal const int NoKey = unchecked((int)0x8009000D);
        internal const int Permission = unchecked((int)0x80090010);
        internal const int NotFound = unchecked((int)0x80090011);
        internal const int BadProvider = unchecked((int)0x80090013);
        internal const int BadKeyset = unchecked((int)0x80090016);
        internal const int KeysetNotDefined = unchecked((int)0x80090019);
        internal const int ProviderDllFailed = unchecked((int)0x8009001D);
        internal const int ProviderDllNotFound = unchecked((int)0x8009001E);
        internal const int SilentContext = unchecked((int)0x80090022);
        internal const int NotSupported = unchecked((int)0x80090029);
        internal const int DeviceNotReady = unchecked((int)0x80090030);
        internal const int UiRequired = unchecked((int)0x8009002E);
        internal const int IncorrectPassword = unchecked((int)0x80090033);
        internal const int DeviceNotFound = unchecked((int)0x80090035);
        internal const int UserCancelled = unchecked((int)0x80090036);
        internal const int SmartCardWrongPin = unchecked((int)0x8010006B);
        internal const int SmartCardCancelledByUser = unchecked((int)0x8010006E);
        internal const int NotImplemented = unchecked((int)0x80004001);
        internal const int AccessDenied = unchecked((int)0x80070005);
        internal const int Win32NotSupported = unchecked((int)0x80070032);
        internal const int Win32CallNotImplemented = unchecked((int)0x80070078);
        internal const int BufferTooSmall = unchecked((int)0x80090028);
        internal const int Win32InsufficientBuffer = unchecked((int)0x8007007A);
        internal const int Win32MoreData = unchecked((int)0x800700EA);
        internal const int TpmBufferTooSmall = unchecked((int)0x80290406);

        /// <summary>A Win32 error code (as GetLastError gives it) as an HRESULT; HRESULTs pass unchanged.</summary>
        public static int ToHResult(int error) =>
            error > 0 && error <= 0xFFFF ? unchecked((int)(0x80070000u | (uint)error)) : error;

        /// <summary>
        /// Whether an error only says that the buffer was too small: NTE_BUFFER_TOO_SMALL (NCrypt),
        /// ERROR_MORE_DATA (CryptGetProvParam), ERROR_INSUFFICIENT_BUFFER (the security descriptor
        /// calls under some providers) or TPM_E_PCP_BUFFER_TOO_SMALL (the TPM key storage provider).
        /// </summary>
        public static bool IsBufferTooSmall(int error)
        {
            switch (ToHResult(error))
            {
                case BufferTooSmall:
                case Win32InsufficientBuffer:
                case Win32MoreData:
                case TpmBufferTooSmall:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// What the error means for the key of <paramref name="providerName"/> (null when the
        /// provider did not give its name). The "not supported" family on the security descriptor
        /// means that the provider keeps no per-account access list, except for Microsoft's own
        /// software and TPM providers, which always keep one: for them it is a plain failure.
        /// </summary>
        public static PrivateKeyProblem Classify(int error, KeyOperation operation, string? providerName = null)
        {
            var problem = Classify(error, operation);
            return problem == PrivateKeyProblem.ProviderCannotSetAccess && MicrosoftSoftwareProviders.Contains(providerName)
                ? PrivateKeyProblem.Failed
                : problem;
        }

        private static PrivateKeyProblem Classify(int error, KeyOperation operation)
        {
            switch (ToHResult(error))
            {
                case CryptNoKeyProperty:
                    return operation == KeyOperation.Open ? PrivateKeyProblem.NoPrivateKey : PrivateKeyProblem.Failed;
                case BadKeyset:
                    return operation == KeyOperation.Open ? PrivateKeyProblem.KeysetMissingOrDenied : PrivateKeyProblem.KeyUnreachable;
                case NoKey:
                case KeysetNotDefined:
                case BadProvider:
                case ProviderDllFailed:
                case ProviderDllNotFound:
                case DeviceNotReady:
                case DeviceNotFound:
                    return PrivateKeyProblem.KeyUnreachable;
                case NotFound:
                    // During Open the key is missing; afterwards the provider lacks the security property.
                    return operation == KeyOperation.Open ? PrivateKeyProblem.KeyUnreachable : PrivateKeyProblem.ProviderCannotSetAccess;
                case SilentContext:
                case UiRequired:
                case UserCancelled:
                case IncorrectPassword:
                case SmartCardWrongPin:
                case SmartCardCancelledByUser:
                    return PrivateKeyProblem.NeedsInteraction;
                case Permission:
                case AccessDenied:
                    return PrivateKeyProblem.AccessDenied;
                case NotSupported:
                case BadType:
                case BadFlags:
                case NotImplemented:
                case Win32NotSupported:
                case Win32CallNotImplemented:
                    return operation == KeyOperation.Open ? PrivateKeyProblem.Failed : PrivateKeyProblem.ProviderCannotSetAccess;
                default:
                    return PrivateKeyProblem.Failed;
            }
        }
    }
}
