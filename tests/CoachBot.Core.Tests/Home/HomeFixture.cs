using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.Home;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Home;

/// <summary>Builds a <see cref="HomeDashboard"/> over a harness's stores, and the data a full dashboard shows.</summary>
internal static class HomeFixture
{
    public static HomeDashboard Dashboard(CoachHarness harness, IProgressChartLinks[]? charts = null, IUserStore? users = null)
    {
        var progress = harness.Progress;
        return new HomeDashboard(
            users ?? harness.Users,
            CoachHarness.Content,
            new DailyStepService(progress),
            progress,
            new ProgressReportService(progress, harness.Skills),
            new OneOnOneService(harness.OneOnOnes, harness.TalkingPoints, progress),
            charts ?? [new TestChartLinks()],
            harness.Clock,
            new Core.Health.TeamHealthService(harness.OneOnOnes, harness.Reflections, progress, users ?? harness.Users, harness.TeamHealth, CoachHarness.Content));
    }

    /// <summary>
    /// Alice in Tokyo with a current streak of 3 working days (best 5), a weekly 1-on-1 with Bob in Los Angeles on
    /// Tuesdays at 10:00 Tokyo time, one talking point and four open action items of hers (plus one of Bob's).
    /// The harness clock is Tuesday 2026-11-24 09:00 UTC (18:00 in Tokyo).
    /// </summary>
    public static async Task ActiveUsersAsync(CoachHarness harness)
    {
        await harness.OnboardAsync("alice", timeZone: "Asia/Tokyo");
        await harness.OnboardAsync("bob", timeZone: "America/Los_Angeles");
        var action = CoachHarness.Content.For("en").Actions[0].Id;
        DateOnly[] days =
        [
            new(2026, 11, 2), new(2026, 11, 3), new(2026, 11, 4), new(2026, 11, 5), new(2026, 11, 6),
            new(2026, 11, 19), new(2026, 11, 20), new(2026, 11, 23),
        ];
        foreach (var day in days)
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            await harness.Progress.AddAsync(new PracticeEntry(CoachHarness.User("alice"), "p" + day.DayNumber, day, action, null, null, at), CancellationToken.None);
        }

        Ok(await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice"));
        Ok(await harness.SendAsync("1on1 accept", "bob"));
        Ok(await harness.SendAsync("1on1 add @bob release plan", "alice"));
        Ok(await harness.SendAsync("1on1 action @bob write the hiring plan due 2026-12-03", "alice"));
        Ok(await harness.SendAsync("1on1 action @bob book the offsite due 2026-11-30", "alice"));
        Ok(await harness.SendAsync("1on1 action @bob review the budget", "alice"));
        Ok(await harness.SendAsync("1on1 action @bob share the roadmap", "alice"));
        Ok(await harness.SendAsync("1on1 action @bob draft the promo case owner @bob", "alice"));
    }

    public static ReplySection Section(Reply reply, string title) =>
        Assert.Single(reply.Sections, s => s.Title is { } t && t.StartsWith(title, StringComparison.Ordinal));

    private static void Ok(IReadOnlyList<Reply> replies) => Assert.All(replies, r => Assert.False(r.IsError, r.Text));
}
