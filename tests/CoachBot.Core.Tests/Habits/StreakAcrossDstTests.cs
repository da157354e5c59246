using CoachBot.Core.Habits;

namespace CoachBot.Core.Tests.Habits;

/// <summary>
/// Practice recorded through the engine just before and after local midnight around the 2026 DST changes lands on
/// the right local date, and the streak runs straight across the change.
/// </summary>
public sealed class StreakAcrossDstTests
{
    public static TheoryData<string, string> Transitions => new()
    {
        // Spring forward, then fall back (southern hemisphere the other way round).
        { "America/New_York", "2026-03-08" },
        { "America/New_York", "2026-11-01" },
        { "Europe/London", "2026-03-29" },
        { "Europe/London", "2026-10-25" },
        { "Australia/Sydney", "2026-10-04" },
        { "Australia/Sydney", "2026-04-05" },
        // No DST: the midnight attribution must still be right on the same days.
        { "Asia/Tokyo", "2026-03-08" },
        { "Asia/Tokyo", "2026-11-01" },
        { "Asia/Kolkata", "2026-03-29" },
        { "Asia/Kolkata", "2026-10-25" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Log_AroundMidnightOnADstChangeDay_AttributesLocalDatesAndKeepsTheStreak(string zoneId, string transition)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var day = DateOnly.Parse(transition, System.Globalization.CultureInfo.InvariantCulture);
        var harness = new CoachHarness(At(zone, day.AddDays(-2), new TimeOnly(12, 0)));
        await harness.SendAsync("start", timeZone: zoneId);
        await harness.PressAsync("onboarding.role", new Dictionary<string, string> { ["value"] = "senior" });
        await harness.PressAsync("onboarding.path", new Dictionary<string, string> { ["value"] = "internal" });
        await harness.PressAsync("onboarding.time", new Dictionary<string, string> { ["value"] = "09:00" });
        await harness.PressAsync("onboarding.days", new Dictionary<string, string> { ["value"] = "sun-sat" });

        var moments = new[]
        {
            (day.AddDays(-1), new TimeOnly(23, 59, 30)),
            (day, new TimeOnly(0, 0, 30)),
            (day, new TimeOnly(23, 59, 30)),
            (day.AddDays(1), new TimeOnly(0, 0, 30)),
        };
        foreach (var (date, time) in moments)
        {
            harness.Clock.SetUtcNow(At(zone, date, time));
            await harness.SendAsync("log management Ran the planning meeting");
        }

        var practice = await harness.PracticeAsync();
        Assert.Equal(moments.Select(m => m.Item1), practice.Select(p => p.LocalDate));
        var profile = await harness.ProfileAsync();
        var streak = StreakCalculator.Calculate(practice.Select(p => p.LocalDate), profile.WorkingDays, profile.Pauses, profile.Holidays, day.AddDays(1));
        Assert.Equal(new Streak(3, 3), streak);
    }

    private static DateTimeOffset At(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
