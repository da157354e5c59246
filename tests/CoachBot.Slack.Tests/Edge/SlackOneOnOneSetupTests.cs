using CoachBot.Core.Users;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>
/// `1on1 setup @someone` on Slack when the bot has never met that person: Slack's directory (users.info) tells who
/// they are, so the proposal reaches their DM in their own language and time zone, and an app or a deactivated
/// account is refused before anything is saved.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackOneOnOneSetupTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackOneOnOneSetupTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(_azurite);
        _host.Slack.AddUser("U0ALICE", tz: "Europe/London", locale: "en-GB");
        _host.Slack.AddUser("U0BOB", tz: "Asia/Tokyo", locale: "ja-JP");
        _host.Slack.AddUser("U0BOTTY", isBot: true);
        _host.Slack.AddUser("U0GONE", deleted: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Setup_ReportWhoNeverWroteToTheBot_GetsTheProposalByDmInTheirLanguageAndZone()
    {
        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0SETUPBOB", "U0ALICE", "1on1 setup <@U0BOB> weekly tue 15:00"));

        var proposal = await _host.Slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "DU0BOB");
        Assert.Contains("1on1 の提案が届いています", (string?)proposal.Body["text"], StringComparison.Ordinal);
        Assert.Contains("(Asia/Tokyo)", (string?)proposal.Body["text"], StringComparison.Ordinal);
        Assert.Contains(_host.Slack.CallsTo("users.info"), c => (string?)c.Body["user"] == "U0BOB");
        var answer = await _host.Slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "D0DM");
        Assert.Contains("I've asked @U0BOB", (string?)answer.Body["text"], StringComparison.Ordinal);
        var bob = await _host.Services.GetRequiredService<IUserStore>().GetAsync(new UserRef("slack", SlackHost.Team, "U0BOB"), CancellationToken.None);
        Assert.Equal(("ja", "Asia/Tokyo", OnboardingStep.NotStarted), (bob!.Language, bob.TimeZoneId, bob.Onboarding));
    }

    [Theory]
    [InlineData("U0BOTTY", "is an app, not a person")]
    [InlineData("U0GONE", "account is deactivated")]
    public async Task Setup_WithAnAppOrADeactivatedAccount_IsRefusedAndNothingIsSentToThem(string userId, string expected)
    {
        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0SETUP" + userId, "U0ALICE", $"1on1 setup <@{userId}> weekly tue 15:00"));

        var answer = await _host.Slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "D0DM");
        Assert.Contains(expected, (string?)answer.Body["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Slack.CallsTo("conversations.open"), c => (string?)c.Body["users"] == userId);
        Assert.Null(await _host.Services.GetRequiredService<IUserStore>().GetAsync(new UserRef("slack", SlackHost.Team, userId), CancellationToken.None));
    }

    [Fact]
    public async Task Setup_AsASlashCommand_NamesTheReportByTheIdSlackEscapedTheMentionTo()
    {
        // Slack escapes a typed @bob in a slash command to <@U0BOB|bob> (should_escape: true in the manifest).
        using var ack = await _host.PostCommandAsync(SlackPayloads.Command("U0ALICE", "1on1 setup <@U0BOB|bob> weekly tue 15:00", _host.Slack.ResponseUrl("setup").ToString()));

        var proposal = await _host.Slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "DU0BOB");
        Assert.Contains("1on1 の提案が届いています", (string?)proposal.Body["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Slack.CallsTo("conversations.open"), c => ((string?)c.Body["users"])?.Contains('|', StringComparison.Ordinal) == true);
    }
}
