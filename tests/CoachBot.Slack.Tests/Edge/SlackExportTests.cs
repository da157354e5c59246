using System.Text.Json.Nodes;
using CoachBot.Core.Privacy;
using CoachBot.Core.Users;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>`export` on Slack, end to end: the file goes up through the upload URL, and the bytes hold every record.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackExportTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackExportTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(_azurite);
        _host.Slack.AddUser("U0CAROL", tz: "Asia/Tokyo", locale: "en-US");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Export_InTheDm_UploadedBytesHoldEveryRecord_AndTheMessageSaysAttached()
    {
        var sample = await ExportSample.SeedAsync(_host.Services, new UserRef("slack", SlackHost.Team, "U0CAROL"));

        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0EXPORTALL", "U0CAROL", "export"));

        var complete = await _host.Slack.WaitForCallAsync("files.completeUploadExternal");
        var fileId = (string?)complete.Body["files"]![0]!["id"];
        var upload = Assert.Single(_host.Slack.CallsTo($"upload:{fileId}"));
        sample.AssertComplete(upload.Body);
        var said = await _host.Slack.WaitForCallAsync("chat.postMessage");
        Assert.Contains("is attached", (string?)said.Body["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetMe_AfterExport_DeletesTheUploadedFileFromSlack_AndItsRow()
    {
        var carol = new UserRef("slack", SlackHost.Team, "U0CAROL");
        var fileId = await ExportAsync("Ev0EXPORTDEL");

        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0FORGETDEL", "U0CAROL", "forget me yes"));

        await _host.Slack.WaitForCallAsync("files.delete", c => (string?)c.Body["file"] == fileId);
        await SlackHost.WaitUntilAsync(async () => (await Uploads.ListAsync(carol, CancellationToken.None)).Count == 0, "the file's row is gone");
        Assert.Equal(SlackHost.Token, Assert.Single(_host.Slack.CallsTo("files.delete")).Token);
    }

    [Fact]
    public async Task ForgetMe_WhenSlackRefusesFilesDelete_StillForgetsTheUser_AndTheNextForgetMeRetriesTheFile()
    {
        var carol = new UserRef("slack", SlackHost.Team, "U0CAROL");
        var fileId = await ExportAsync("Ev0EXPORTRETRY");
        _host.Slack.FailNext("files.delete", 200, new JsonObject { ["ok"] = false, ["error"] = "missing_scope" });

        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0FORGET1", "U0CAROL", "forget me yes"));
        await _host.Slack.WaitForCallAsync("files.delete");
        await _host.Slack.WaitForCallAsync("chat.postMessage", c => ((string?)c.Body["text"])?.Contains("except one file", StringComparison.Ordinal) == true);
        Assert.Equal([fileId], await Uploads.ListAsync(carol, CancellationToken.None));

        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0FORGET2", "U0CAROL", "forget me yes"));

        await SlackHost.WaitUntilAsync(async () => (await Uploads.ListAsync(carol, CancellationToken.None)).Count == 0, "the retried file's row is gone");
        Assert.Equal(2, _host.Slack.CallsTo("files.delete").Count(c => (string?)c.Body["file"] == fileId));
    }

    private IUploadedFileStore Uploads => _host.Services.GetRequiredService<IUploadedFileStore>();

    /// <summary>Asks for an export in the DM and returns the id of the file Slack got.</summary>
    private async Task<string> ExportAsync(string eventId)
    {
        await _host.PostEventAsync(SlackPayloads.DirectMessage(eventId, "U0CAROL", "export"));
        var complete = await _host.Slack.WaitForCallAsync("files.completeUploadExternal");
        var fileId = (string?)complete.Body["files"]![0]!["id"] ?? throw new InvalidOperationException("No file id in completeUploadExternal.");
        await SlackHost.WaitUntilAsync(
            async () => (await Uploads.ListAsync(new UserRef("slack", SlackHost.Team, "U0CAROL"), CancellationToken.None)).Contains(fileId), "the file id is remembered");
        return fileId;
    }
}
