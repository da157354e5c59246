using System.Text.Json.Nodes;
using CoachBot.Core.Habits;
using CoachBot.Core.Installations;
using CoachBot.Core.Privacy;
using CoachBot.Core.Users;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>
/// Issue 13 section 5: on Enterprise Grid one person is one user for `export` and `forget me`. Two workspaces of one
/// org and a third of another org, all installed, the same user id in each, practice recorded in each through signed
/// DMs; the real host on Azurite.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackGridPrivacyTests : IAsyncLifetime
{
    private const string Person = "U0GRIDPAT";
    private const string Org = "E0GRIDORG";
    private const string OtherOrg = "E0ELSEORG";
    private const string First = "T0GRIDONE";
    private const string Second = "T0GRIDTWO";
    private const string Elsewhere = "T0ELSEONE";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackGridPrivacyTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(_azurite);
        _host.Slack.AddUser(Person);
        var installations = _host.Services.GetRequiredService<IInstallationStore>();
        foreach (var (team, enterprise) in new[] { (First, Org), (Second, Org), (Elsewhere, OtherOrg) })
        {
            await installations.SaveAsync(new Installation("slack", team, enterprise, "U0BOT", null, ["chat:write"], TimeProvider.System.GetUtcNow()), None);
        }

        await PracticeAsync(First, Org, "noteinfirst");
        await PracticeAsync(Second, Org, "noteinsecond");
        await PracticeAsync(Elsewhere, OtherOrg, "noteelsewhere");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Export_GridUserInOneWorkspace_FileHoldsEveryWorkspaceOfTheOrgGroupedAndNoOtherOrg()
    {
        await SayAsync("Ev0GRIDEXPORT", First, Org, "export");

        var file = await UploadedFileAsync();
        Assert.Equal(First, (string?)file["user"]?["tenantId"]);
        Assert.Equal("noteinfirst", (string?)file["practice"]?[0]?["note"]);
        var other = Assert.Single(Assert.IsType<JsonArray>(file["otherAccounts"]));
        Assert.Equal(Second, (string?)other?["user"]?["tenantId"]);
        Assert.Equal(Person, (string?)other?["user"]?["userId"]);
        Assert.Equal("noteinsecond", (string?)other?["practice"]?[0]?["note"]);
        Assert.DoesNotContain("noteelsewhere", file.ToJsonString(), StringComparison.Ordinal);
        await _host.Slack.WaitForCallAsync("chat.postMessage", c => Text(c).Contains("2 practice entries", StringComparison.Ordinal)
            && Text(c).Contains("each of the 2 workspaces", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgetMe_GridUserInAnotherWorkspace_NoRowOfAnyWorkspaceOfTheOrgNamesThem_AndTheOtherOrgKeepsTheirs()
    {
        // An export asked in the first workspace: its file on Slack is remembered under that workspace's account.
        await SayAsync("Ev0GRIDEXPORTFIRST", First, Org, "export");
        var fileId = (string?)(await _host.Slack.WaitForCallAsync("files.completeUploadExternal")).Body["files"]![0]!["id"];
        var uploads = _host.Services.GetRequiredService<IUploadedFileStore>();
        await SlackHost.WaitUntilAsync(async () => (await uploads.ListAsync(new UserRef("slack", First, Person), None)).Count == 1, "the file id is remembered");
        Assert.Contains(await RowsNamingPersonAsync(), row => row.Contains(First, StringComparison.OrdinalIgnoreCase));

        await SayAsync("Ev0GRIDFORGET", Second, Org, "forget me yes");
        await _host.Slack.WaitForCallAsync("chat.postMessage", c => Text(c).Contains("I deleted everything", StringComparison.Ordinal));
        await _host.Slack.WaitForCallAsync("files.delete", c => (string?)c.Body["file"] == fileId);

        // Every table of the account: what is left about the person is the other org's workspace, and all of it is.
        var left = await RowsNamingPersonAsync();
        Assert.All(left, row => Assert.Contains(Elsewhere, row, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await PracticeInAsync(First));
        Assert.Empty(await PracticeInAsync(Second));
        Assert.Single(await PracticeInAsync(Elsewhere));
        Assert.NotNull(await Users.GetAsync(new UserRef("slack", Elsewhere, Person), None));
    }

    [Fact]
    public async Task ForgetMe_PayloadNamesAnOrgItsWorkspaceIsNotInstalledUnder_OnlyThatWorkspaceIsForgotten()
    {
        // Signed, but from the other org's workspace while naming this org: the installations do not confirm it.
        await SayAsync("Ev0GRIDCLAIMFORGET", Elsewhere, Org, "forget me yes");
        await _host.Slack.WaitForCallAsync("chat.postMessage", c => Text(c).Contains("I deleted everything", StringComparison.Ordinal));

        Assert.Empty(await PracticeInAsync(Elsewhere));
        Assert.Single(await PracticeInAsync(First));
        Assert.Single(await PracticeInAsync(Second));
        Assert.NotNull(await Users.GetAsync(new UserRef("slack", First, Person), None));
    }

    [Fact]
    public async Task Export_PayloadNamesAnOrgItsWorkspaceIsNotInstalledUnder_FileHoldsOnlyThatWorkspace()
    {
        await SayAsync("Ev0GRIDCLAIMEXPORT", Elsewhere, Org, "export");

        var file = await UploadedFileAsync();
        Assert.Equal(Elsewhere, (string?)file["user"]?["tenantId"]);
        Assert.Empty(Assert.IsType<JsonArray>(file["otherAccounts"]));
        Assert.DoesNotContain("noteinfirst", file.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("noteinsecond", file.ToJsonString(), StringComparison.Ordinal);
    }

    private IUserStore Users => _host.Services.GetRequiredService<IUserStore>();

    private static string Text(FakeSlack.FakeSlackCall call) => (string?)call.Body["text"] ?? string.Empty;

    private async Task SayAsync(string eventId, string team, string enterprise, string text)
    {
        using var response = await _host.PostEventAsync(SlackPayloads.DirectMessage(eventId, Person, text, team: team, enterprise: enterprise));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Records today's practice with a note in the workspace and waits until it is stored.</summary>
    private async Task PracticeAsync(string team, string enterprise, string note)
    {
        await SayAsync("Ev0DONE" + team, team, enterprise, "done " + note);
        await SlackHost.WaitUntilAsync(async () => (await PracticeInAsync(team)).Count == 1, $"the practice in {team} is stored");
    }

    private async Task<IReadOnlyList<PracticeEntry>> PracticeInAsync(string team) =>
        await _host.Services.GetRequiredService<IProgressStore>().ListAsync(new UserRef("slack", team, Person), DateOnly.MinValue, DateOnly.MaxValue, None);

    private Task<IReadOnlyList<string>> RowsNamingPersonAsync() =>
        AccountScan.RowsContainingAsync(_host.ConnectionString, _host.TablePrefix, Person);

    /// <summary>The JSON of the one file uploaded so far.</summary>
    private async Task<JsonObject> UploadedFileAsync()
    {
        var complete = await _host.Slack.WaitForCallAsync("files.completeUploadExternal");
        var fileId = (string?)complete.Body["files"]![0]!["id"];
        return Assert.Single(_host.Slack.CallsTo($"upload:{fileId}")).Body;
    }
}
