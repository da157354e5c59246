using CoachBot.Core.Conversation;
using CoachBot.Core.Privacy;
using CoachBot.Core.Users;
using Moq;

namespace CoachBot.Core.Tests;

/// <summary>`export` on a channel that takes no files (Teams): a download link, or a plain sentence saying why not.</summary>
public sealed class PrivacyExportLinkTests
{
    private static IncomingTurn NoFilesTurn(string text) =>
        new() { User = CoachHarness.User(), Text = text, TurnId = "t-" + Guid.NewGuid().ToString("N"), AcceptsFiles = false };

    [Fact]
    public async Task Export_ChannelTakesNoFiles_RepliesWithTheLinkAndNoAttachment()
    {
        var links = new Mock<IExportLinks>();
        links.Setup(l => l.TryCreate(CoachHarness.User(), "en")).Returns(new ExportLink("https://coach.example/exports/abc.def", TimeSpan.FromMinutes(15)));
        var harness = new CoachHarness(exportLinks: links.Object);
        await harness.OnboardAsync();

        var reply = (await harness.HandleAsync(NoFilesTurn("export")))[0];

        Assert.Empty(reply.Attachments);
        var link = Assert.Single(reply.Links);
        Assert.Equal("https://coach.example/exports/abc.def", link.Url);
        Assert.Contains("coachbot-export-2026-11-24.json", link.Label, StringComparison.Ordinal);
        Assert.Contains("https://coach.example/exports/abc.def", reply.Text, StringComparison.Ordinal);
        Assert.Contains("15 minutes", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("attached", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.False(reply.IsError);
    }

    [Fact]
    public async Task Export_ChannelTakesNoFilesAndNoLinkCanBeMade_SaysSoWithoutClaimingAnAttachment()
    {
        var links = new Mock<IExportLinks>();
        links.Setup(l => l.TryCreate(It.IsAny<UserRef>(), It.IsAny<string>())).Returns((ExportLink?)null);
        var harness = new CoachHarness(exportLinks: links.Object);

        var reply = (await harness.HandleAsync(NoFilesTurn("export")))[0];

        Assert.Empty(reply.Attachments);
        Assert.Empty(reply.Links);
        Assert.True(reply.IsError);
        Assert.Contains("Charts:PublicBaseUrl", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("attached", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Export_ChannelTakesNoFilesAndTheHostHasNoLinks_SaysSo()
    {
        var harness = new CoachHarness();

        var reply = (await harness.HandleAsync(NoFilesTurn("export")))[0];

        Assert.Empty(reply.Attachments);
        Assert.Contains("Charts:PublicBaseUrl", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ChannelTakesFiles_AttachesTheFileAndSaysSo()
    {
        var harness = new CoachHarness();

        var reply = (await harness.SendAsync("export"))[0];

        Assert.Single(reply.Attachments);
        Assert.Empty(reply.Links);
        Assert.Contains("coachbot-export-2026-11-24.json is attached", reply.Text, StringComparison.Ordinal);
    }
}
