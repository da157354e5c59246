using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Testing.Fakes;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Logging;
using Moq;

namespace CoachBot.Slack.Tests.Privacy;

/// <summary>Which workspaces of an Enterprise Grid org a person's `export` and `forget me` reach (ADR 0019).</summary>
public sealed class SlackGridAccountsTests
{
    private const string Person = "U0PAT";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly InMemoryInstallationStore _store = new();
    private readonly RecordingLogger<SlackGridAccounts> _log = new();

    [Fact]
    public async Task ListOthersAsync_WorkspaceInstalledUnderTheOrg_ReturnsTheSameUserUnderEveryOtherInstallOfIt()
    {
        await InstallAsync("T1", "E1");
        await InstallAsync("T2", "E1");
        await InstallAsync("E1", "E1");
        await InstallAsync("T3", "E2");
        await InstallAsync("T4", null);

        var others = await Accounts().ListOthersAsync(User("T1"), "E1", None);

        Assert.Equal([User("E1"), User("T2")], others.OrderBy(u => u.TenantId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListOthersAsync_WorkspaceInstalledUnderAnotherOrg_ReturnsNoneAndWarnsWithoutTheUserId()
    {
        await InstallAsync("T1", "E1");
        await InstallAsync("T3", "E2");

        Assert.Empty(await Accounts().ListOthersAsync(User("T3"), "E1", None));

        var warning = Assert.Single(_log.At(LogLevel.Warning));
        Assert.Contains("T3", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Person, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListOthersAsync_WorkspaceNotInstalledAndNoOrgWideInstall_ReturnsNone()
    {
        await InstallAsync("T1", "E1");

        Assert.Empty(await Accounts().ListOthersAsync(User("T9"), "E1", None));
    }

    [Fact]
    public async Task ListOthersAsync_OrgWideInstallAndNoInstallOfTheWorkspace_ReturnsTheOrgsInstalls()
    {
        await InstallAsync("E1", "E1");
        await InstallAsync("T2", "E1");

        var others = await Accounts().ListOthersAsync(User("T1"), "E1", None);

        Assert.Equal([User("E1"), User("T2")], others.OrderBy(u => u.TenantId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListOthersAsync_OrgWideInstallButTheWorkspaceIsInstalledOutsideTheOrg_ReturnsNone()
    {
        await InstallAsync("E1", "E1");
        await InstallAsync("T5", null);

        Assert.Empty(await Accounts().ListOthersAsync(User("T5"), "E1", None));
    }

    [Fact]
    public async Task ListOthersAsync_NotASlackUser_AsksNoStore()
    {
        var store = new Mock<IInstallationStore>(MockBehavior.Strict);
        var accounts = new SlackGridAccounts(store.Object, _log);

        Assert.Empty(await accounts.ListOthersAsync(new UserRef("msteams", "tenant", Person), "E1", None));
        store.VerifyNoOtherCalls();
    }

    private SlackGridAccounts Accounts() => new(_store, _log);

    private static UserRef User(string tenant) => new(SlackTeam.Channel, tenant, Person);

    private Task InstallAsync(string tenant, string? enterprise) =>
        _store.SaveAsync(new Installation(SlackTeam.Channel, tenant, enterprise, "U0BOT", null, ["chat:write"], default), None);
}
