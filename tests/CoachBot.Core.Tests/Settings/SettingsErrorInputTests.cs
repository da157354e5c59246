using CoachBot.Core.Settings;

namespace CoachBot.Core.Tests.Settings;

/// <summary>A rejected settings form names the input the error is about, so edges can show the error there.</summary>
public sealed class SettingsErrorInputTests
{
    private static Dictionary<string, string> Values(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Theory]
    [InlineData("time_zone", "Mars/Olympus_Mons")]
    [InlineData("nudge_time", "25:00")]
    [InlineData("working_days", "someday")]
    [InlineData("language", "klingon")]
    [InlineData("pause_until", "not a date")]
    [InlineData("holidays", "2026-12-25, christmas-ish")]
    [InlineData("nudges", "maybe")]
    [InlineData("channel", "carrier pigeon")]
    [InlineData("role", "astronaut")]
    [InlineData("path", "underwater")]
    public async Task Form_OneBadValue_ErrorNamesThatInputAndNothingIsSaved(string input, string value)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var before = await harness.ProfileAsync();

        var reply = Assert.Single(await harness.PressAsync(SettingsHandler.SaveAction, input == "nudge_time" ? Values((input, value)) : Values((input, value), ("nudge_time", "07:00"))));

        Assert.True(reply.IsError);
        Assert.Equal(input, reply.ErrorInputId);
        // The error and its fixes, then a way back to the settings: not the whole card and form again.
        Assert.Null(reply.Form);
        Assert.Empty(reply.Sections);
        Assert.Equal("settings", reply.Buttons[^1].Values["text"]);
        Assert.Equal(before.NudgeTime, (await harness.ProfileAsync()).NudgeTime);
    }

    [Theory]
    [InlineData("", "07:00", "quiet_start")]
    [InlineData("22:00", "", "quiet_end")]
    [InlineData("22:00", "7 o'clock", "quiet_end")]
    [InlineData("late", "07:00", "quiet_start")]
    public async Task Form_QuietHoursHalfSetOrUnreadable_NamesTheInputAtFault(string start, string end, string expected)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.PressAsync(SettingsHandler.SaveAction, Values(("quiet_start", start), ("quiet_end", end))));

        Assert.True(reply.IsError);
        Assert.Equal(expected, reply.ErrorInputId);
    }

    [Fact]
    public async Task Form_TwoBadValues_ErrorIsAboutNoSingleInput()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.PressAsync(SettingsHandler.SaveAction, Values(("nudge_time", "25:00"), ("language", "klingon"))));

        Assert.True(reply.IsError);
        Assert.Null(reply.ErrorInputId);
    }

    [Fact]
    public async Task Typed_BadValue_HasNoErrorInput()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings holiday someday"));

        Assert.True(reply.IsError);
        Assert.Null(reply.ErrorInputId);
    }

    [Fact]
    public async Task Form_GoodValues_HaveNoErrorInput()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.PressAsync(SettingsHandler.SaveAction, Values(("nudge_time", "07:15"))));

        Assert.False(reply.IsError);
        Assert.Null(reply.ErrorInputId);
    }
}
