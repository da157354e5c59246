using CoachBot.Core.Users;
using CoachBot.Testing;

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
}
