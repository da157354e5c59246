using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Settings;

/// <summary>Settings for days off: pauses and holidays.</summary>
public sealed class DaysOffSettingsTests
{
    // CoachHarness's clock starts on Tuesday 2026-11-24, 09:00 UTC; onboarding leaves the user on UTC.
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static Dictionary<string, string> Values(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public async Task Pause_TypedDate_AddsARangeFromTodayAndConfirms()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings pause 2026-12-31"));

        Assert.False(reply.IsError);
        Assert.Contains("2026-12-31", reply.Text, StringComparison.Ordinal);
        Assert.Equal([new DateRange(Today, new DateOnly(2026, 12, 31))], (await harness.ProfileAsync()).Pauses);
        Assert.Contains(reply.Buttons, b => b.Values.GetValueOrDefault("pause_until") == "resume");
    }

    [Theory]
    [InlineData("1w", 7)]
    [InlineData("2w", 14)]
    public async Task Pause_Buttons_PauseForOneOrTwoWeeks(string value, int days)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var settings = Assert.Single(await harness.SendAsync("settings"));

        await harness.PressAsync(settings.Buttons.Single(b => b.Values.GetValueOrDefault("pause_until") == value));

        Assert.Equal([new DateRange(Today, Today.AddDays(days))], (await harness.ProfileAsync()).Pauses);
    }

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2025-01-01")]
    public async Task Pause_DateInThePast_ClearErrorAndNothingSaved(string date)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings pause " + date));

        Assert.True(reply.IsError);
        Assert.Contains(date, reply.Text, StringComparison.Ordinal);
        Assert.Contains("already passed", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Buttons, b => b.Values.GetValueOrDefault("pause_until") == "1w");
        Assert.Empty((await harness.ProfileAsync()).Pauses);
    }

    [Fact]
    public async Task Pause_FormWithPastDateAndOtherValidValues_SavesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var before = await harness.ProfileAsync();

        var reply = Assert.Single(await harness.PressAsync("settings.save", Values(
            ("time_zone", "Asia/Tokyo"), ("nudge_time", "07:00"), ("pause_until", "2026-11-01"), ("nudges", "off"), ("channel", "home"))));

        Assert.True(reply.IsError);
        var after = await harness.ProfileAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(("UTC", new TimeOnly(9, 0), false, NudgeChannel.DirectMessage), (after.TimeZoneId, after.NudgeTime, after.NudgesStopped, after.NudgeChannel));
        Assert.Empty(after.Pauses);
    }

    [Fact]
    public async Task Pause_MoreThanAYearAhead_IsRefused()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings pause 2028-01-01"));

        Assert.True(reply.IsError);
        Assert.Empty((await harness.ProfileAsync()).Pauses);
    }

    [Fact]
    public async Task Resume_PauseThatStartedToday_IsRemoved()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings pause 2026-12-31");

        await harness.SendAsync("settings resume");

        Assert.Empty((await harness.ProfileAsync()).Pauses);
    }

    [Fact]
    public async Task Resume_PauseThatStartedEarlier_EndsYesterday()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings pause 2026-12-31");
        harness.Clock.Advance(TimeSpan.FromDays(3));

        var settings = Assert.Single(await harness.SendAsync("settings"));
        await harness.PressAsync(settings.Buttons.Single(b => b.Values.GetValueOrDefault("pause_until") == "resume"));

        Assert.Equal([new DateRange(Today, Today.AddDays(2))], (await harness.ProfileAsync()).Pauses);
    }

    [Fact]
    public async Task Resume_WhenNotPaused_SaysSoAndChangesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var before = await harness.ProfileAsync();

        var reply = Assert.Single(await harness.SendAsync("settings resume"));

        Assert.Contains("weren't on a pause", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before.Version, (await harness.ProfileAsync()).Version);
    }

    [Fact]
    public async Task Pause_ManyTimes_KeepsTheLastTwenty()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        for (var i = 0; i < 25; i++)
        {
            await harness.SendAsync("settings pause 1w");
            harness.Clock.Advance(TimeSpan.FromDays(10));
        }

        var pauses = (await harness.ProfileAsync()).Pauses;
        Assert.Equal(20, pauses.Count);
        Assert.Equal(Today.AddDays(240), pauses[^1].From);
    }

    [Fact]
    public async Task Holiday_AddAndRemove_ByTypingAndButton()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        await harness.SendAsync("settings holiday 2026-12-25");
        await harness.SendAsync("settings holiday 2027-01-01");
        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)], (await harness.ProfileAsync()).Holidays);

        await harness.SendAsync("settings holiday remove 2026-12-25");
        Assert.Equal([new DateOnly(2027, 1, 1)], (await harness.ProfileAsync()).Holidays);

        var ask = Assert.Single(await harness.SendAsync("settings holiday"));
        await harness.PressAsync(ask.Buttons.Single(b => b.Values.GetValueOrDefault("holiday_remove") == "2027-01-01"));
        Assert.Empty((await harness.ProfileAsync()).Holidays);
    }

    [Fact]
    public async Task Holiday_RemoveOneNotThere_ErrorAndNothingSaved()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings holiday 2026-12-25");

        var reply = Assert.Single(await harness.SendAsync("settings holiday remove 2026-12-24"));

        Assert.True(reply.IsError);
        Assert.Equal([new DateOnly(2026, 12, 25)], (await harness.ProfileAsync()).Holidays);
    }

    [Fact]
    public async Task Holiday_BadDate_ErrorSaysTheFormat()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings holiday christmas"));

        Assert.True(reply.IsError);
        Assert.Contains("YYYY-MM-DD", reply.Text, StringComparison.Ordinal);
        Assert.Empty((await harness.ProfileAsync()).Holidays);
    }

    [Fact]
    public async Task Holidays_MoreThanAHundred_KeepsTheLatestHundred()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var first = new DateOnly(2027, 1, 1);
        await harness.PressAsync("settings.save", Values(("holidays", string.Join(", ", Enumerable.Range(0, 100).Select(i => first.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))));

        await harness.SendAsync("settings holiday 2027-12-31");

        var holidays = (await harness.ProfileAsync()).Holidays;
        Assert.Equal(100, holidays.Count);
        Assert.Equal(first.AddDays(1), holidays[0]);
        Assert.Equal(new DateOnly(2027, 12, 31), holidays[^1]);
    }

    [Fact]
    public async Task Holidays_Form_ReplacesTheListAndShowsIt()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings holiday 2026-12-24");

        await harness.PressAsync("settings.save", Values(("holidays", "2027-01-01, 2026-12-25")));
        var form = Assert.Single(await harness.SendAsync("settings")).Form!;

        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)], (await harness.ProfileAsync()).Holidays);
        Assert.Equal("2026-12-25, 2027-01-01", form.Inputs.Single(i => i.Id == "holidays").InitialValue);
    }

    [Fact]
    public async Task Pause_InJapanese_RepliesInJapanese()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings language ja");

        var reply = Assert.Single(await harness.SendAsync("settings pause 2020-01-01"));

        Assert.True(reply.IsError);
        Assert.Contains("すでに過ぎている", reply.Text, StringComparison.Ordinal);
    }
}
