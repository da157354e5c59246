using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Habits;
using CoachBot.Core.Reflections;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests;

/// <summary>
/// The scheduler end to end in local mode, as the README shows it: onboard through the local channel, move the
/// clock with <c>POST /api/local/clock</c>, read what was pushed with <c>GET /api/local/inbox/{userId}</c>.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LocalSchedulerTests
{
    private readonly AzuriteFixture _azurite;

    public LocalSchedulerTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Clock_PastNineOnAWorkingDay_PushesOneNudge_AndAgainTheSameDay_StillOne()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("nia");

        // The next working day's 09:05 UTC (the default zone); then once more an hour later, still that day.
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var target = NextWorkingDayAt(clock.GetUtcNow(), new TimeOnly(9, 5));
        var first = await AdvanceToAsync(client, clock, target);
        Assert.True(first["scheduled"]!["sent"]?.GetValue<int>() >= 1, first.ToJsonString());

        var nudges = await NudgesAsync(client, "nia");
        var nudge = Assert.Single(nudges);
        Assert.Contains(DailyStepService.DoneAction, ActionIds(nudge));

        await AdvanceToAsync(client, clock, target.AddMinutes(60));
        Assert.Single(await NudgesAsync(client, "nia"));

        // `today` agrees with the pushed step, and `done` on it counts as today's practice.
        var step = nudge["reply"]!["buttons"]![0]!["values"]!["step"]!.GetValue<string>();
        var today = await client.SendAsync("nia", "today");
        Assert.Equal(step, today[0]!["buttons"]![0]!["values"]!["step"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clock_NextWorkingDay_PushesTheNextNudge_ButNotOnTheWeekend()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("oto");
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var first = NextWorkingDayAt(clock.GetUtcNow(), new TimeOnly(9, 5));
        await AdvanceToAsync(client, clock, first);

        // Walk to the next working day in steps of at most an hour (the nudge grace is 2 h), as a day of real time would.
        var second = NextWorkingDayAt(first, new TimeOnly(9, 5));
        for (var at = first.AddHours(1); at < second; at = at.AddHours(1))
        {
            await AdvanceToAsync(client, clock, at);
        }

        await AdvanceToAsync(client, clock, second);
        var nudges = await NudgesAsync(client, "oto");
        Assert.Equal(2, nudges.Count);
        Assert.All(nudges, n => Assert.NotEqual(DayOfWeek.Saturday, n["at"]!.GetValue<DateTimeOffset>().DayOfWeek));
        Assert.All(nudges, n => Assert.NotEqual(DayOfWeek.Sunday, n["at"]!.GetValue<DateTimeOffset>().DayOfWeek));
    }

    [Fact]
    public async Task SettingsStop_ThenClockPastNine_PushesNothing()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("pim");
        await client.SendAsync("pim", "settings nudges stop");
        var clock = app.Services.GetRequiredService<TimeProvider>();

        await AdvanceToAsync(client, clock, NextWorkingDayAt(clock.GetUtcNow(), new TimeOnly(9, 5)));

        Assert.Empty(await NudgesAsync(client, "pim"));
    }

    [Fact]
    public async Task SettingsNudgeTime_Changed_ReschedulesAtOnce()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("quin");
        await client.SendAsync("quin", "settings time 14:30");
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var day = NextWorkingDayAt(clock.GetUtcNow(), new TimeOnly(9, 5));

        await AdvanceToAsync(client, clock, day);
        Assert.Empty(await NudgesAsync(client, "quin"));

        await AdvanceToAsync(client, clock, day.Date + new TimeSpan(14, 35, 0));
        Assert.Single(await NudgesAsync(client, "quin"));
    }

    [Fact]
    public async Task OneOnOne_BothSidesGetPrep24hAnd1hBefore_AndAFollowUpAfter()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("mgr");
        await client.OnboardAsync("rep");
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var day = clock.GetUtcNow().AddDays(3).DayOfWeek;
        await client.SendAsync("mgr", $"1on1 setup @rep weekly {day.ToString()[..3].ToLowerInvariant()} 15:00");
        await client.SendAsync("rep", "1on1 accept");
        var meeting = new DateTimeOffset(DateOnly.FromDateTime(clock.GetUtcNow().AddDays(3).UtcDateTime).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);

        // An hour at a time, as real time would pass, to an hour after the meeting's follow-up.
        for (var at = clock.GetUtcNow().AddHours(1); at < meeting.AddHours(2); at = at.AddHours(1))
        {
            await AdvanceToAsync(client, clock, at);
        }

        foreach (var (user, other) in new[] { ("mgr", "@rep"), ("rep", "@mgr") })
        {
            var texts = await TextsAsync(client, user);
            Assert.Single(texts, t => t.StartsWith($"Your 1-on-1 with {other} is in 24 h", StringComparison.Ordinal));
            Assert.Single(texts, t => t.StartsWith($"Your 1-on-1 with {other} is in 1 h", StringComparison.Ordinal));
            Assert.Single(texts, t => t.StartsWith($"How was your 1-on-1 with {other}?", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TeamReflection_MembersGetPrompts_AndTheChannelGetsOneSummary()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("lea");
        await client.OnboardAsync("max");
        await client.SendInChannelAsync("max", "#team-r", "help");
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var open = clock.GetUtcNow().AddDays(1);
        await client.SendInChannelAsync("lea", "#team-r", $"team reflection on #team-r {open.DayOfWeek.ToString()[..3]} {open:HH}:00");
        await client.PressAsync("lea", TeamReflectionHandler.LeadAction, new Dictionary<string, string> { ["channel"] = "#team-r", ["part"] = "in" });

        for (var at = clock.GetUtcNow().AddHours(1); at < open.AddDays(3).AddHours(2); at = at.AddHours(1))
        {
            await AdvanceToAsync(client, clock, at);
        }

        foreach (var member in new[] { "lea", "max" })
        {
            var texts = await TextsAsync(client, member);
            Assert.Single(texts, t => t.StartsWith("Time for #team-r's weekly reflection", StringComparison.Ordinal));
            Assert.Single(texts, t => t.StartsWith("The team reflection for #team-r closes in", StringComparison.Ordinal));
        }

        var posts = await TextsAsync(client, "%23team-r");
        Assert.Single(posts, t => t.StartsWith("Team reflection for #team-r, week", StringComparison.Ordinal));
    }

    private static async Task<List<string>> TextsAsync(HttpClient client, string inbox)
    {
        var json = JsonNode.Parse(await client.GetStringAsync("/api/local/inbox/" + inbox))!;
        return [.. json["messages"]!.AsArray().Select(m => m!["reply"]!["text"]!.GetValue<string>())];
    }

    /// <summary>The first working day's <paramref name="time"/> (UTC) after <paramref name="after"/>.</summary>
    internal static DateTimeOffset NextWorkingDayAt(DateTimeOffset after, TimeOnly time)
    {
        for (var date = DateOnly.FromDateTime(after.UtcDateTime); ; date = date.AddDays(1))
        {
            var at = new DateTimeOffset(date.ToDateTime(time), TimeSpan.Zero);
            if (at > after && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return at;
            }
        }
    }

    private static async Task<JsonNode> AdvanceToAsync(HttpClient client, TimeProvider clock, DateTimeOffset target)
    {
        var minutes = (int)Math.Ceiling((target - clock.GetUtcNow()).TotalMinutes);
        var response = await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = Math.Max(1, minutes) });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>The pushed habit nudges (the weekly reading or monthly skills prompt may arrive beside them).</summary>
    private static async Task<List<JsonNode>> NudgesAsync(HttpClient client, string user)
    {
        var inbox = JsonNode.Parse(await client.GetStringAsync("/api/local/inbox/" + user))!;
        return [.. inbox["messages"]!.AsArray().OfType<JsonNode>().Where(m => ActionIds(m).Contains(DailyStepService.DoneAction))];
    }

    private static List<string> ActionIds(JsonNode message) =>
        [.. message["reply"]!["buttons"]!.AsArray().Select(b => b!["actionId"]!.GetValue<string>())];
}
