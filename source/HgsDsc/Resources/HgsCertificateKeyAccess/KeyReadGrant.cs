using System;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.Localization;
using HgsDsc.Common.Security;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// Gives the account Read on the private key of one certificate: one entry added through the
    /// key's own provider, nothing removed.
    /// </summary>
    internal sealed class KeyReadGrant
    {
        private readonly ICertificateStore store;
        private readonly IPrivateKeySecurity keys;
        private readonly IDscLog log;

        public KeyReadGrant(ICertificateStore store, IPrivateKeySecurity keys, IDscLog log)
        {
            this.store = store;
            this.keys = keys;
            this.log = log;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsCertificateKeyAccess));

        /// <summary>
        /// Grants Read on one key, reading its access list again first so that nothing written
        /// since the last reading is lost. Returns why it could not, or null when the account has
        /// Read now; <paramref name="written"/> says whether this call wrote the grant.
        /// </summary>
        public string? Grant(CertificateFinding finding, ResolvedAccount account, out bool written)
        {
            written = false;
            using (var certificate = store.Find(finding.Thumbprint))
            {
                if (certificate == null)
                {
                    return KeyAccessMessages.CertificateMissingAtSet(finding);
                }

                var writing = false;
                try
                {
                    using (var key = keys.Open(certificate))
                    {
                        var descriptor = SecurityDescriptor.Parse(key.ReadSecurityDescriptor());
                        var evaluation = KeyReadAccess.Evaluate(descriptor, account.Sid);
                        switch (evaluation.State)
                        {
                            case KeyAccessState.Granted:
                            case KeyAccessState.Unrestricted:
                                log.Verbose(Strings.Format("AlreadyGranted", account, finding.Thumbprint));
                                return null;
                            case KeyAccessState.Denied:
                                return KeyAccessMessages.ReadDenied(finding, account, evaluation.DeniedMask);
                        }

                        SecurityDescriptor granted;
                        try
                        {
                            granted = KeyReadAccess.GrantRead(descriptor, account.Sid, key.Kind);
                        }
                        catch (InvalidOperationException e)
                        {
                            log.Verbose(Strings.Format("AccessListNotExtendedDetail", finding.Thumbprint, e.Message));
                            return KeyAccessMessages.AccessListNotExtended(finding, account);
                        }

                        log.Verbose(Strings.Format(
                            "GrantingRead", account, finding.Thumbprint, KeyAccessMessages.Provider(CertificateInspection.ProviderNameOf(key)), KeyReadAccess.ReadMaskFor(key.Kind)));
                        writing = true;
                        key.WriteSecurityDescriptor(granted.ToBinary());
                        written = true;
                        return null;
                    }
                }
                catch (PrivateKeyAccessException e) when (e.Problem == PrivateKeyProblem.ProviderCannotSetAccess)
                {
                    return KeyAccessMessages.ProviderCannotSetAccess(finding, account);
                }
                catch (PrivateKeyAccessException e) when (writing)
                {
                    return KeyAccessMessages.ReadNotWritten(finding, account, e);
                }
                catch (PrivateKeyAccessException e)
                {
                    return KeyAccessMessages.AccessUnreadable(finding, e);
                }
                catch (FormatException e)
                {
                    return KeyAccessMessages.SecurityDescriptorMalformed(finding, e, log);
                }
            }
        }
    }
}
