namespace HgsDsc.Resources.HgsCertificateKeyAccess
{
    /// <summary>How HGS holds a certificate, as far as the CertificateData it reports tells.</summary>
    public enum CertificateOrigin
    {
        /// <summary>A CertificateReference to LocalMachine\My: added by thumbprint, so this node needs the key and the access.</summary>
        StoreReference,

        /// <summary>Positively identified as added from a PFX file: HGS keeps the key itself.</summary>
        Pfx,

        /// <summary>
        /// No CertificateData, or data of a shape not recognised: checked like a certificate added
        /// by thumbprint, so that a key is never skipped on a guess.
        /// </summary>
        Unrecognized,
    }
}
