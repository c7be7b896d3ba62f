using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Common.Localization;
using HgsDsc.Common.Security;

namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>
    /// Reads one certificate without changing anything: whether it is in LocalMachine\My, which
    /// requirements it does not meet, which provider holds its key and what the account may do
    /// with that key. What it finds is written onto the <see cref="CertificateFinding"/>.
    /// </summary>
    internal sealed class CertificateInspection
    {
        private readonly ICertificateStore store;
        private readonly IPrivateKeySecurity keys;
        private readonly Func<DateTime> utcNow;
        private readonly IDscLog log;

        // The resource's, not the log's: Set reads the node twice and says each warning once across both readings.
        private readonly Action<string> warnOnce;

        public CertificateInspection(ICertificateStore store, IPrivateKeySecurity keys, Func<DateTime> utcNow, IDscLog log, Action<string> warnOnce)
        {
            this.store = store;
            this.keys = keys;
            this.utcNow = utcNow;
            this.log = log;
            this.warnOnce = warnOnce;
        }

        private static LocalizedStrings Strings => LocalizedStrings.Load(nameof(HgsCertificateKeyAccess));

        public CertificateFinding Inspect(CertificateFinding finding, ResolvedAccount account, bool keyStorageProviderRequired)
        {
            using (var certificate = store.Find(finding.Thumbprint))
            {
                if (certificate == null)
                {
                    return finding;
                }

                finding.InStore = true;
                var unmet = CertificateRequirements.Check(certificate, finding.Uses, utcNow()).ToList();
                if (certificate.HasPrivateKey)
                {
                    InspectKey(finding, certificate, account, keyStorageProviderRequired, unmet);
                }

                finding.Unmet = unmet;
                return finding;
            }
        }

        /// <summary>The provider's name for messages; a provider that cannot say is named by what little is known.</summary>
        internal static string? ProviderNameOf(IPrivateKeyHandle key)
        {
            try
            {
                return key.ProviderName;
            }
            catch (PrivateKeyAccessException)
            {
                return null;
            }
        }

        private void InspectKey(CertificateFinding finding, X509Certificate2 certificate, ResolvedAccount account, bool keyStorageProviderRequired, List<UnmetRequirement> unmet)
        {
            IPrivateKeyHandle key;
            try
            {
                key = keys.Open(certificate);
            }
            catch (PrivateKeyAccessException e)
            {
                unmet.Add(e.Problem == PrivateKeyProblem.NoPrivateKey
                    ? new UnmetRequirement(CertificateRequirement.PrivateKeyPresent, null)
                    : new UnmetRequirement(CertificateRequirement.PrivateKeyReachable, e));
                return;
            }

            using (key)
            {
                finding.ProviderKind = key.Kind;
                finding.ProviderName = ProviderNameOf(key);
                if (key.Kind == KeyProviderKind.Capi)
                {
                    if (keyStorageProviderRequired)
                    {
                        unmet.Add(new UnmetRequirement(CertificateRequirement.KeyStorageProvider, KeyAccessMessages.Provider(finding.ProviderName)));
                    }
                    else
                    {
                        warnOnce(Strings.Format("LegacyProvider", finding.Thumbprint, KeyAccessMessages.Provider(finding.ProviderName)));
                    }
                }

                try
                {
                    var evaluation = KeyReadAccess.Evaluate(SecurityDescriptor.Parse(key.ReadSecurityDescriptor()), account.Sid);
                    finding.Access = evaluation.State;
                    finding.DeniedMask = evaluation.DeniedMask;
                    if (evaluation.State == KeyAccessState.Unrestricted)
                    {
                        warnOnce(Strings.Format("NoAccessList", finding.Thumbprint, account));
                    }
                }
                catch (PrivateKeyAccessException e) when (e.Problem == PrivateKeyProblem.ProviderCannotSetAccess)
                {
                    finding.Access = KeyAccessState.ProviderCannotSetAccess;
                }
                catch (PrivateKeyAccessException e)
                {
                    finding.AccessProblem = KeyAccessMessages.AccessUnreadable(finding, e);
                }
                catch (FormatException e)
                {
                    finding.AccessProblem = KeyAccessMessages.SecurityDescriptorMalformed(finding, e, log);
                }
            }
        }
    }
}
