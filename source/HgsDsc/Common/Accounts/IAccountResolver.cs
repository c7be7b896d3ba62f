namespace HgsDsc.Common.Accounts
{
    /// <summary>
    /// Turns the account names administrators write into SIDs and back. Names are only for
    /// messages; every comparison is made on the SID.
    /// </summary>
    public interface IAccountResolver
    {
        /// <summary>
        /// The SID of an account given as <c>DOMAIN\name$</c>, <c>DOMAIN\name</c>, <c>name$</c>,
        /// <c>S-1-...</c> or <c>*S-1-...</c>. Throws <see cref="InvalidPropertyValueException"/>
        /// naming <paramref name="propertyName"/> and the value when it cannot be resolved.
        /// </summary>
        Sid Resolve(string account, string propertyName);

        /// <summary>The account's name for messages, or null when the SID no longer resolves (never throws).</summary>
        string? TryGetName(Sid sid);
    }

    /// <summary>Finds the account that runs the KeyProtection service of HGS.</summary>
    public interface IKeyProtectionIdentity
    {
        /// <summary>
        /// The identity of the IIS application pool 'KeyProtection',
        /// <c>(Get-IISAppPool -Name KeyProtection).ProcessModel.UserName</c>, as IIS reports it.
        /// </summary>
        string GetAppPoolIdentity();
    }
}
