using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Settings;

public sealed class SettingsHandlerTests
{
    // CoachHarness's clock starts on Tuesday 2026-11-24, 09:00 UTC; onboarding leaves the user on UTC.
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static Dictionary<string, string> Values(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Theory]
    [InlineData("Asia/Tokio", "Asia/Tokyo")]
    [InlineData("tokyo", "Asia/Tokyo")]
    [InlineData("new york", "America/New_York")]
    [InlineData("Europe/Londn", "Europe/London")]
    public async Task TimeZone_Unknown_SuggestsNearestIdsAsButtonsAndSavesNothing(string typed, string expected)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings timezone " + typed));

        Assert.True(reply.IsError);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        var button = reply.Buttons.First(b => b.ActionId == "settings.save" && b.Values.GetValueOrDefault("time_zone") == expected);
        Assert.Equal("UTC", (await harness.ProfileAsync()).TimeZoneId);

        await harness.PressAsync(button);

        var profile = await harness.ProfileAsync();
        Assert.Equal((expected, true), (profile.TimeZoneId, profile.TimeZoneChosen));
    }

    [Fact]
    public async Task TimeZone_Nonsense_SaysWhatToTypeWithoutSuggestions()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings timezone qqqqqqqqqqqqqqqqqqqq"));

        Assert.True(reply.IsError);
        Assert.Contains("IANA", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Buttons, b => b.Values.ContainsKey("time_zone"));
    }

    [Fact]
    public async Task NudgeTime_2500_ClearErrorWithTimeButtonsAndNothingSaved()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings time 25:00"));

        Assert.True(reply.IsError);
        Assert.Contains("25:00", reply.Text, StringComparison.Ordinal);
        Assert.Contains("00 to 23", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Buttons, b => b.Values.GetValueOrDefault("nudge_time") == "08:00");
        Assert.Equal(new TimeOnly(9, 0), (await harness.ProfileAsync()).NudgeTime);
    }

    [Fact]
    public async Task NudgeTime_ByTypingAndByButton_Saves()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        await harness.SendAsync("settings time 7:30");
        Assert.Equal(new TimeOnly(7, 30), (await harness.ProfileAsync()).NudgeTime);

        var ask = Assert.Single(await harness.SendAsync("settings time"));
        await harness.PressAsync(ask.Buttons.First(b => b.Label == "17:00"));
        Assert.Equal(new TimeOnly(17, 0), (await harness.ProfileAsync()).NudgeTime);
    }

    [Fact]
    public async Task WorkingDaysAndLanguage_ByButton_Save()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var days = Assert.Single(await harness.SendAsync("settings days"));
        await harness.PressAsync(days.Buttons.First(b => b.Values["working_days"] == "sun-thu"));
        var language = Assert.Single(await harness.SendAsync("settings language"));
        await harness.PressAsync(language.Buttons.First(b => b.Values["language"] == "ja"));

        var profile = await harness.ProfileAsync();
        Assert.Contains(DayOfWeek.Sunday, profile.WorkingDays);
        Assert.Equal("ja", profile.Language);
    }

    [Fact]
    public async Task QuietHours_TypedRangeThenOff_SetsAndClears()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        await harness.SendAsync("settings quiet 22:00-07:00");
        var set = await harness.ProfileAsync();
        await harness.SendAsync("settings quiet off");
        var cleared = await harness.ProfileAsync();

        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(7, 0)), (set.QuietHoursStart!.Value, set.QuietHoursEnd!.Value));
        Assert.Null(cleared.QuietHoursStart);
        Assert.Null(cleared.QuietHoursEnd);
    }

    [Fact]
    public async Task QuietHours_Form_SetsAndShowsCurrentValues()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        await harness.PressAsync("settings.save", Values(("quiet_start", "21:30"), ("quiet_end", "06:45")));
        var form = Assert.Single(await harness.SendAsync("settings")).Form!;

        Assert.Equal("21:30", form.Inputs.Single(i => i.Id == "quiet_start").InitialValue);
        Assert.Equal("06:45", form.Inputs.Single(i => i.Id == "quiet_end").InitialValue);
    }

    [Theory]
    [InlineData("settings quiet 22:00")]
    [InlineData("settings quiet 22:00-22:00")]
    [InlineData("settings quiet 22:00-25:00")]
    public async Task QuietHours_Bad_ErrorAndNothingSaved(string text)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync(text));

        Assert.True(reply.IsError);
        Assert.Null(reply.ErrorInputId);
        Assert.Contains("22:00-07:00", reply.Text, StringComparison.Ordinal);
        Assert.Null((await harness.ProfileAsync()).QuietHoursStart);
    }

    [Fact]
    public async Task QuietHours_FormWithOnlyStart_ErrorAndNothingSaved()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.PressAsync("settings.save", Values(("quiet_start", "22:00"), ("quiet_end", ""), ("nudge_time", "07:00"))));

        Assert.True(reply.IsError);
        Assert.Equal("quiet_end", reply.ErrorInputId);
        var profile = await harness.ProfileAsync();
        Assert.Null(profile.QuietHoursStart);
        Assert.Equal(new TimeOnly(9, 0), profile.NudgeTime);
    }

    [Fact]
    public async Task Nudges_OffAndOn_ByTypingAndButton()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var off = Assert.Single(await harness.SendAsync("settings nudges off"));
        Assert.True((await harness.ProfileAsync()).NudgesStopped);
        Assert.Contains("stopped", off.Text, StringComparison.Ordinal);

        await harness.PressAsync(off.Buttons.Single(b => b.Values.GetValueOrDefault("nudges") == "on"));
        Assert.False((await harness.ProfileAsync()).NudgesStopped);
    }

    [Fact]
    public async Task Nudges_Nonsense_SaysWhatToType()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings nudges maybe"));

        Assert.True(reply.IsError);
        Assert.Contains("settings nudges off", reply.Text, StringComparison.Ordinal);
        Assert.False((await harness.ProfileAsync()).NudgesStopped);
    }

    [Fact]
    public async Task Channel_TypedHomeThenFormDm_Saves()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        await harness.SendAsync("settings channel home");
        Assert.Equal(NudgeChannel.AppHome, (await harness.ProfileAsync()).NudgeChannel);
        Assert.Equal("home", Assert.Single(await harness.SendAsync("settings")).Form!.Inputs.Single(i => i.Id == "channel").InitialValue);

        await harness.PressAsync("settings.save", Values(("channel", "dm")));
        Assert.Equal(NudgeChannel.DirectMessage, (await harness.ProfileAsync()).NudgeChannel);
    }

    [Fact]
    public async Task Channel_Unknown_ErrorWithButtons()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings channel email"));

        Assert.True(reply.IsError);
        Assert.Equal(2, reply.Buttons.Count(b => b.Values.ContainsKey("channel")));
    }

    [Theory]
    [InlineData("settings role 3", "manager")]
    [InlineData("settings role director", "director")]
    [InlineData("settings role Engineering manager", "manager")]
    public async Task Role_TypedLikeOnboarding_Saves(string text, string expected)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "engineer");

        await harness.SendAsync(text);

        Assert.Equal(expected, (await harness.ProfileAsync()).Role);
    }

    [Fact]
    public async Task RoleAndPath_ByButtons_Save()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "engineer", path: "internal");
        var settings = Assert.Single(await harness.SendAsync("settings"));

        var roles = Assert.Single(await harness.PressAsync(settings.Buttons.Single(b => b.Values.GetValueOrDefault(CommandActions.TextValue) == "settings role")));
        await harness.PressAsync(roles.Buttons.Single(b => b.Values.GetValueOrDefault("role") == "senior"));
        var paths = Assert.Single(await harness.PressAsync(settings.Buttons.Single(b => b.Values.GetValueOrDefault(CommandActions.TextValue) == "settings path")));
        await harness.PressAsync(paths.Buttons.Single(b => b.Values.GetValueOrDefault("path") == "founding"));

        var profile = await harness.ProfileAsync();
        Assert.Equal(("senior", "founding"), (profile.Role, profile.CareerPath));
    }

    [Fact]
    public async Task Path_Unknown_ErrorWithPathButtonsAndNothingSaved()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(path: "internal");

        var reply = Assert.Single(await harness.SendAsync("settings path 7"));

        Assert.True(reply.IsError);
        Assert.Equal(3, reply.Buttons.Count(b => b.Values.ContainsKey("path")));
        Assert.Equal("internal", (await harness.ProfileAsync()).CareerPath);
    }

    [Fact]
    public async Task Form_ShowsCurrentValuesOfEveryNewSetting()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "manager", path: "job_change");
        await harness.SendAsync("settings pause 2026-12-31");
        await harness.SendAsync("settings nudges off");

        var reply = Assert.Single(await harness.SendAsync("settings"));

        var inputs = reply.Form!.Inputs.ToDictionary(i => i.Id, i => i.InitialValue);
        Assert.Equal("2026-12-31", inputs["pause_until"]);
        Assert.Equal("off", inputs["nudges"]);
        Assert.Equal("dm", inputs["channel"]);
        Assert.Equal("manager", inputs["role"]);
        Assert.Equal("job_change", inputs["path"]);
        Assert.Contains("paused until 2026-12-31", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_SubmittedUnchanged_SavesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings pause 2026-12-31");
        var before = await harness.ProfileAsync();
        var form = Assert.Single(await harness.SendAsync("settings")).Form!;

        var reply = Assert.Single(await harness.PressAsync(form.SubmitActionId, form.Inputs.ToDictionary(i => i.Id, i => i.InitialValue ?? string.Empty)));

        Assert.False(reply.IsError);
        Assert.Equal(before.Version, (await harness.ProfileAsync()).Version);
    }
}
