namespace HgsDsc.Common.Accounts
{
    /// <summary>
    /// The IIS application pool 'KeyProtection' of HGS: who it runs as, and recycling it. A right
    /// granted to an account reaches a process only when it logs on again, so a resource that
    /// grants the pool's account something recycles the pool afterwards.
    /// </summary>
    public interface IKeyProtectionAppPool : IKeyProtectionIdentity
    {
        /// <summary>Recycles the pool (<c>Restart-WebAppPool -Name KeyProtection</c>); errors throw.</summary>
        void Recycle();
    }
}
