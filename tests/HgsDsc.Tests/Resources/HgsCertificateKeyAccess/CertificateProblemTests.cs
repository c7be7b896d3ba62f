using HgsDsc.Common.Accounts;
using HgsDsc.Resources.HgsCertificateKeyAccess;
using Xunit;
using static HgsDsc.Tests.Common.Security.DescriptorBytes;

namespace HgsDsc.Tests.Resources.HgsCertificateKeyAccess;

/// <summary>What Get and Test report about one certificate, and which of it Set may fix.</summary>
public sealed class CertificateProblemTests
{
    private const string Thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    private static readonly ResolvedAccount Account = new(Gmsa, @"CONTOSO\hgs-gmsa$", discovered: false);

    private static CertificateFinding Finding(CertificateType? declared = CertificateType.Signing, params CertificateType[] hgsUses) =>
        new(Thumbprint, declared, hgsUses) { InStore = true };

    [Fact]
    public void A_compliant_certificate_the_account_can_read_has_no_problem()
    {
        var finding = Finding();
        finding.Access = KeyAccessState.Granted;

        Assert.Empty(CertificateProblem.Of(finding, Account));
    }

    [Fact]
    public void A_missing_grant_is_the_one_problem_Set_can_fix()
    {
        var finding = Finding();
        finding.Access = KeyAccessState.NotGranted;

        var problem = Assert.Single(CertificateProblem.Of(finding, Account));

        Assert.True(problem.SetCanFix);
        Assert.Equal("AccessGranted", problem.Difference.Property);
        Assert.Contains(Thumbprint, problem.Difference.Phrase);
    }

    [Fact]
    public void Unmet_requirements_a_type_mismatch_and_a_denial_are_reported_and_not_fixable()
    {
        var finding = Finding(CertificateType.Signing, CertificateType.Encryption);
        finding.Unmet = new[] { new UnmetRequirement(CertificateRequirement.KeySize, 1024) };
        finding.Access = KeyAccessState.Denied;

        var problems = CertificateProblem.Of(finding, Account);

        Assert.Equal(new[] { "CertificateType", "RequirementsMet", "AccessGranted" }, problems.Select(p => p.Difference.Property));
        Assert.All(problems, p => Assert.False(p.SetCanFix));
    }

    [Fact]
    public void A_certificate_missing_from_the_store_is_reported_alone()
    {
        var finding = new CertificateFinding(Thumbprint, CertificateType.Signing, new[] { CertificateType.Encryption })
        {
            Access = KeyAccessState.NotGranted,
        };

        var problem = Assert.Single(CertificateProblem.Of(finding, Account));

        Assert.Equal("Certificates", problem.Difference.Property);
        Assert.False(problem.SetCanFix);
    }

    [Fact]
    public void An_access_list_that_could_not_be_read_is_reported_with_its_reason_and_one_never_read_is_not()
    {
        var unread = Finding();
        var unreadable = Finding();
        unreadable.AccessProblem = "the reason";

        Assert.Empty(CertificateProblem.Of(unread, Account));
        Assert.Equal("the reason", Assert.Single(CertificateProblem.Of(unreadable, Account)).Difference.Phrase);
    }
}
