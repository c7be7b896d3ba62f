using HgsDsc.Common;
using HgsDsc.Common.Accounts;
using HgsDsc.Resources.HgsAuditPrivilege;
using HgsDsc.Tests.Infrastructure;
using Xunit;
using Platform = HgsDsc.Common.Platform;

namespace HgsDsc.Tests.Resources.HgsAuditPrivilege;

/// <summary>The real LSA store: on elevated Windows it grants and removes the right; elsewhere it says Windows only.</summary>
public sealed class LsaUserRightsStoreNodeTests
{
    private const string Right = "SeAuditPrivilege";

    [WindowsAdminFact]
    public void Grants_and_removes_the_right_for_a_test_account_and_leaves_every_other_holder()
    {
        // A SID of no existing account: LSA accepts any SID, and it shows that unresolvable holders are handled.
        var testAccount = Sid.Parse("S-1-5-21-3623811015-3361044348-30300820-" + (100000 + Environment.ProcessId % 100000));
        var store = new LsaUserRightsStore();
        var before = store.GetHolders(Right);
        Assert.DoesNotContain(testAccount, before);

        try
        {
            store.AddRight(testAccount, Right);
            var granted = store.GetHolders(Right);
            Assert.Contains(testAccount, granted);
            Assert.Subset(granted.ToHashSet(), before.ToHashSet());

            store.AddRight(testAccount, Right);
            Assert.Single(store.GetHolders(Right), h => h == testAccount);
        }
        finally
        {
            store.RemoveRight(testAccount, Right);
        }

        var after = store.GetHolders(Right);
        Assert.DoesNotContain(testAccount, after);
        Assert.Equal(before.ToHashSet(), after.ToHashSet());

        // Removing what is not held changes nothing and does not fail.
        store.RemoveRight(testAccount, Right);
        Assert.Equal(before.ToHashSet(), store.GetHolders(Right).ToHashSet());
    }

    [WindowsAdminFact]
    public void The_resource_grants_and_removes_the_right_for_a_test_account_by_name_and_keeps_every_other_holder()
    {
        // BUILTIN\Performance Log Users: present on every Windows Server (also on domain controllers), low privilege, normally not a holder.
        const string testAccount = "BUILTIN\\Performance Log Users";
        var testSid = Sid.Parse("S-1-5-32-559");
        var store = new LsaUserRightsStore();
        var before = store.GetHolders(Right).ToHashSet();
        Assert.DoesNotContain(testSid, before);

        HgsDsc.Resources.HgsAuditPrivilege.HgsAuditPrivilege Resource(Ensure ensure) => new() { IsSingleInstance = "Yes", Account = testAccount, Ensure = ensure, RecycleAppPool = false };

        try
        {
            Resource(Ensure.Present).Set();
            Assert.True(Resource(Ensure.Present).Test());
            Assert.Contains(testSid, store.GetHolders(Right));
            Assert.Superset(before, store.GetHolders(Right).ToHashSet());

            Resource(Ensure.Absent).Set();
            Assert.True(Resource(Ensure.Absent).Test());
        }
        finally
        {
            store.RemoveRight(testSid, Right);
        }

        var after = store.GetHolders(Right).ToHashSet();
        Assert.DoesNotContain(testSid, after);
        Assert.Superset(before, after);
    }

    [WindowsAdminFact]
    public void An_unknown_right_is_a_clear_error()
    {
        var error = Assert.Throws<NodeOperationException>(() => new LsaUserRightsStore().GetHolders("SeNoSuchPrivilegeForHgsDsc"));

        Assert.Contains("SeNoSuchPrivilegeForHgsDsc", error.Message);
    }

    [OffWindowsFact]
    public void Off_windows_every_call_is_the_clear_windows_only_error()
    {
        var store = new LsaUserRightsStore();
        Assert.Equal("WindowsOnly", Assert.Throws<NodePrerequisiteException>(() => store.GetHolders(Right)).ErrorId);
        Assert.Contains("LsaEnumerateAccountsWithUserRight", Assert.Throws<NodePrerequisiteException>(() => store.GetHolders(Right)).Message);
        Assert.Contains("LsaAddAccountRights", Assert.Throws<NodePrerequisiteException>(() => store.AddRight(Sid.LocalService, Right)).Message);
        Assert.Contains("LsaRemoveAccountRights", Assert.Throws<NodePrerequisiteException>(() => store.RemoveRight(Sid.LocalService, Right)).Message);
    }
}

/// <summary>A test of what systems other than Windows get; on Windows it is skipped with the reason.</summary>
public sealed class OffWindowsFactAttribute : FactAttribute
{
    public OffWindowsFactAttribute()
    {
        if (Platform.IsWindows)
        {
            Skip = "Checks the error that systems other than Windows get; on Windows the real store runs (see the HGS node tests).";
        }
    }
}
