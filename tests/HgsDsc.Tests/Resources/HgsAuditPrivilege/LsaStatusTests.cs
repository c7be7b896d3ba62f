using HgsDsc.Resources.HgsAuditPrivilege;
using Xunit;

namespace HgsDsc.Tests.Resources.HgsAuditPrivilege;

/// <summary>How NTSTATUS values become decisions and messages, on any OS.</summary>
public sealed class LsaStatusTests
{
    private const string Operation = "LsaAddAccountRights(S-1-5-21-1-2-3-1105, SeAuditPrivilege)";

    [Theory]
    [InlineData(0x00000000u, true)]
    [InlineData(0x00000103u, true)]
    [InlineData(0x40000000u, true)]
    [InlineData(0x8000001Au, false)]
    [InlineData(0xC0000022u, false)]
    [InlineData(0xC0000034u, false)]
    public void Success_is_the_top_bit_clear_as_NT_SUCCESS_defines_it(uint status, bool success)
    {
        Assert.Equal(success, LsaStatus.IsSuccess(status));
    }

    [Fact]
    public void The_documented_values_are_right()
    {
        Assert.Equal(0x8000001Au, LsaStatus.NoMoreEntries);
        Assert.Equal(0xC0000022u, LsaStatus.AccessDenied);
        Assert.Equal(0xC0000034u, LsaStatus.ObjectNameNotFound);
        Assert.Equal(0xC0000060u, LsaStatus.NoSuchPrivilege);
    }

    [Fact]
    public void Access_denied_says_that_administrator_rights_are_needed()
    {
        var error = LsaStatus.ToException(LsaStatus.AccessDenied, Operation, "SeAuditPrivilege", _ => throw new InvalidOperationException("not needed"));

        Assert.Equal("LsaCallFailed", error.ErrorId);
        Assert.Contains(Operation, error.Message);
        Assert.Contains("STATUS_ACCESS_DENIED", error.Message);
        Assert.Contains("LocalSystem", error.Message);
    }

    [Fact]
    public void An_unknown_right_is_named()
    {
        var error = LsaStatus.ToException(LsaStatus.NoSuchPrivilege, Operation, "SeAuditPrivilegeTypo", _ => 1313);

        Assert.Contains("'SeAuditPrivilegeTypo'", error.Message);
        Assert.Contains("STATUS_NO_SUCH_PRIVILEGE", error.Message);
    }

    [Theory]
    [InlineData(0xC000009Au, 1450u)]
    [InlineData(0xC0000001u, 31u)]
    [InlineData(0xC0020017u, 1722u)]
    public void Any_other_status_is_reported_with_its_number_and_the_windows_error_it_maps_to(uint status, uint win32)
    {
        uint? asked = null;

        var error = LsaStatus.ToException(status, Operation, "SeAuditPrivilege", s =>
        {
            asked = s;
            return win32;
        });

        Assert.Equal(status, asked);
        Assert.Contains(Operation, error.Message);
        Assert.Contains("0x" + status.ToString("X8"), error.Message);
        Assert.Contains("Windows error " + win32, error.Message);
        Assert.Equal(Operation, error.TargetObject);
    }
}
