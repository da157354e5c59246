using System.Globalization;
using CoachBot.Testing;
using Microsoft.Playwright;

namespace CoachBot.Host.Tests.Browser;

/// <summary>A manager and a report who never typed <c>start</c> run a whole 1-on-1 cycle in the playground.</summary>
[Trait("Category", "Slow")]
[Collection(AzuriteFixture.CollectionName)]
public sealed class PlaygroundOneOnOneBrowserTests
{
    private readonly AzuriteFixture _azurite;

    public PlaygroundOneOnOneBrowserTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Playground_ManagerAndReportWhoNeverOnboarded_BothReceiveEveryMessageOfAMeetingCycle()
    {
        await using var session = await PlaygroundSession.StartAsync(_azurite);
        var page = session.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (manager, report) = ("mgr-" + suffix, "rep-" + suffix);

        // A meeting a little over two days ahead, on the hour, in the browser's zone (UTC).
        var now = TimeProvider.System.GetUtcNow();
        var meeting = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddDays(2).AddHours(1);
        var day = meeting.DayOfWeek.ToString()[..3].ToLowerInvariant();

        await session.SwitchUserAsync(manager);
        await session.SayAsync($"1on1 setup @{report} weekly {day} {meeting.ToString("HH:mm", CultureInfo.InvariantCulture)}");
        await Assertions.Expect(page.GetByText($"I've asked @{report} to accept 1-on-1s")).ToBeVisibleAsync();

        await session.SwitchUserAsync(report);
        await Assertions.Expect(page.GetByText($"@{manager} would like to have 1-on-1s with you")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText($"You've accepted 1-on-1s with @{manager}")).ToBeVisibleAsync();

        // Hour by hour with the time-travel control (every step runs the scheduler), until the follow-up arrives.
        var followUp = page.GetByText("How was your 1-on-1");
        for (var hour = 0; hour < 80 && await followUp.CountAsync() == 0; hour++)
        {
            await page.RunAndWaitForResponseAsync(
                () => page.ClickAsync("[data-advance='60']"), r => r.Url.Contains("/api/local/inbox/", StringComparison.Ordinal));
        }

        string[] prompts = [$"Your 1-on-1 with @{manager} is in 24 h", $"Your 1-on-1 with @{manager} is in 1 h", $"How was your 1-on-1 with @{manager}?"];
        foreach (var text in prompts)
        {
            await Assertions.Expect(page.GetByText(text)).ToHaveCountAsync(1);
        }

        await session.SwitchUserAsync(manager);
        string[] managerMessages =
        [
            $"@{report} accepted your 1-on-1s.", $"Your 1-on-1 with @{report} is in 24 h", $"Your 1-on-1 with @{report} is in 1 h",
            $"How was your 1-on-1 with @{report}?",
        ];
        foreach (var text in managerMessages)
        {
            await Assertions.Expect(page.GetByText(text)).ToHaveCountAsync(1);
        }

        await Assertions.Expect(page.GetByText("setup isn't finished")).ToHaveCountAsync(0);
    }
}
