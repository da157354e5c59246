using CoachBot.Core.Conversation;

namespace CoachBot.Core.Tests;

/// <summary>What a turn tells its edge about itself: <see cref="TurnResult.ChangedNothing"/> drives Slack's App Home refresh.</summary>
public sealed class TurnResultTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task HandleTurnAsync_ReadOnlyCommand_ChangedNothingUnlessTheTurnSavedTheProfile()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var plain = await TurnAsync(harness, "progress");
        var travelled = await TurnAsync(harness, "progress", timeZone: "Asia/Tokyo");
        var logged = await TurnAsync(harness, "done asked Mia what slows her down");
        var help = await TurnAsync(harness, "help");

        Assert.True(plain.ChangedNothing);
        Assert.Equal("Asia/Tokyo", (await harness.ProfileAsync()).TimeZoneId);
        Assert.False(travelled.ChangedNothing);
        Assert.False(logged.ChangedNothing);
        Assert.True(help.ChangedNothing);
    }

    private static Task<TurnResult> TurnAsync(CoachHarness harness, string text, string? timeZone = null) =>
        harness.Engine.HandleTurnAsync(
            new IncomingTurn { User = CoachHarness.User(), Text = text, TimeZoneHint = timeZone, TurnId = Guid.NewGuid().ToString("N") }, None);
}
