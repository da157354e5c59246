using System.Text;
using System.Text.RegularExpressions;
using CoachBot.Core.Conversation;
using CoachBot.Core.OneOnOnes.Calendar;

namespace CoachBot.Core.Tests.OneOnOnes;

/// <summary><c>1on1 calendar</c> and the feed it opens, over the real engine and in-memory stores.</summary>
public sealed partial class CalendarHandlerTests
{
    [Fact]
    public async Task Calendar_FirstTime_GivesAnAddressWhoseTokenIsStoredOnlyAsItsHash()
    {
        var harness = await ActivePairAsync();

        var reply = Assert.Single(await harness.SendAsync("1on1 calendar", "alice"));

        Assert.False(reply.IsError);
        var token = Token(reply.Text);
        Assert.Contains("Asia/Tokyo", reply.Text, StringComparison.Ordinal);
        Assert.Contains("From URL", reply.Text, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length >= 16, "at least 128 bits");
        var hash = Assert.Single(harness.CalendarFeeds.Hashes);
        Assert.Equal(CalendarFeedTokens.Hash(token), hash);
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
        Assert.Equal(CoachHarness.User("alice"), await Service(harness).FindAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Calendar_Again_SaysOneExistsWithoutAnAddressAndKeepsTheFirst()
    {
        var harness = await ActivePairAsync();
        var token = Token((await harness.SendAsync("1on1 calendar", "alice"))[0].Text);

        var again = Assert.Single(await harness.SendAsync("1on1 calendar", "alice"));

        Assert.DoesNotContain(TestCalendarLinks.Base, again.Text, StringComparison.Ordinal);
        Assert.Contains("1on1 calendar reset", again.Text, StringComparison.Ordinal);
        Assert.Contains("2026-11-24", again.Text, StringComparison.Ordinal);
        Assert.Equal(CoachHarness.User("alice"), await Service(harness).FindAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task CalendarReset_RevokesTheOldAddressAndTheNewOneOpens()
    {
        var harness = await ActivePairAsync();
        var old = Token((await harness.SendAsync("1on1 calendar", "alice"))[0].Text);

        var reply = Assert.Single(await harness.SendAsync("1on1 calendar reset", "alice"));

        Assert.Contains("no longer works", reply.Text, StringComparison.Ordinal);
        var fresh = Token(reply.Text);
        Assert.NotEqual(old, fresh);
        Assert.Null(await Service(harness).FindAsync(old, CancellationToken.None));
        Assert.Equal(CoachHarness.User("alice"), await Service(harness).FindAsync(fresh, CancellationToken.None));
        Assert.Single(harness.CalendarFeeds.Hashes);
    }

    [Fact]
    public async Task Calendar_Japanese_AnswersInJapaneseWithTheAddress()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("settings language ja", "bob");

        var reply = Assert.Single(await harness.SendAsync("1on1 calendar", "bob"));
        var reset = Assert.Single(await harness.SendAsync("1on1 calendar reset", "bob"));

        Assert.Contains("1on1 カレンダーの非公開アドレスです：", reply.Text, StringComparison.Ordinal);
        Assert.Contains("America/Los_Angeles", reply.Text, StringComparison.Ordinal);
        Assert.Contains("古いカレンダーアドレスを無効にしました。", reset.Text, StringComparison.Ordinal);
        Assert.NotEqual(Token(reply.Text), Token(reset.Text));
    }

    [Theory]
    [InlineData("1on1 calendar please", "I don't know \"please\"")]
    [InlineData("1on1 calendar delete", "1on1 calendar reset to replace it")]
    public async Task Calendar_UnknownWord_ExplainsAndMakesNothing(string text, string expected)
    {
        var harness = await ActivePairAsync();

        var reply = Assert.Single(await harness.SendAsync(text, "alice"));

        Assert.True(reply.IsError);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Empty(harness.CalendarFeeds.Hashes);
    }

    [Fact]
    public async Task Calendar_InAChannel_NeverPostsTheAddress()
    {
        var harness = await ActivePairAsync();

        var reply = Assert.Single(await harness.HandleAsync(new IncomingTurn { User = CoachHarness.User("alice"), Text = "1on1 calendar", TurnId = "c-1", InChannel = true }));

        Assert.True(reply.IsError);
        Assert.Contains("direct message", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCalendarLinks.Base, reply.Text, StringComparison.Ordinal);
        Assert.Empty(harness.CalendarFeeds.Hashes);
    }

    [Fact]
    public async Task Feed_BothSides_ListsUpcomingMeetingsWithTheAgendaAndOpenItemsOnTheNextOne()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 action @bob draft the hiring plan", "alice");

        var managers = await Service(harness).BuildAsync(CoachHarness.User("alice"), harness.Clock.GetUtcNow(), CancellationToken.None);
        var reports = await Service(harness).BuildAsync(CoachHarness.User("bob"), harness.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal("Asia/Tokyo", managers.TimeZoneId);
        Assert.Equal("America/Los_Angeles", reports.TimeZoneId);
        Assert.Equal(12, managers.Meetings.Count);
        Assert.Equal(managers.Meetings.Select(m => m.Start), reports.Meetings.Select(m => m.Start));
        Assert.Equal("1-on-1 with @bob", managers.Meetings[0].Summary);
        Assert.Equal("1-on-1 with @alice", reports.Meetings[0].Summary);
        Assert.Contains("1on1 agenda @alice", reports.Meetings[0].Description, StringComparison.Ordinal);
        Assert.Contains("draft the hiring plan", reports.Meetings[0].Description, StringComparison.Ordinal);
        Assert.DoesNotContain("draft the hiring plan", reports.Meetings[1].Description, StringComparison.Ordinal);
        Assert.Equal(managers.Meetings.Count, managers.Meetings.Select(m => m.Uid).Distinct().Count());
        Assert.All(managers.Meetings, m => Assert.True(m.Start > harness.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Feed_ItemWithSlackAndTeamsMarkup_IsPlainTextInTheDescription()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 action @bob read <https://docs.example/plan|the plan> with <at>Ann Lee</at> in <#C01|team-news>", "alice");

        var feed = await Service(harness).BuildAsync(CoachHarness.User("bob"), harness.Clock.GetUtcNow(), CancellationToken.None);

        var description = feed.Meetings[0].Description;
        Assert.Contains("read the plan (https://docs.example/plan) with @Ann Lee in #team-news", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_RescheduledPausedResumedEnded_FollowsThePairing()
    {
        var harness = await ActivePairAsync();
        var feeds = Service(harness);
        var bob = CoachHarness.User("bob");
        var before = await feeds.BuildAsync(bob, harness.Clock.GetUtcNow(), CancellationToken.None);

        await harness.SendAsync("1on1 reschedule @bob thu 16:30", "alice");
        var moved = await feeds.BuildAsync(bob, harness.Clock.GetUtcNow(), CancellationToken.None);
        await harness.SendAsync("1on1 pause @alice", "bob");
        var paused = await feeds.BuildAsync(bob, harness.Clock.GetUtcNow(), CancellationToken.None);
        await harness.SendAsync("1on1 resume @alice", "bob");
        var resumed = await feeds.BuildAsync(bob, harness.Clock.GetUtcNow(), CancellationToken.None);
        await harness.SendAsync("1on1 end @bob", "alice");
        var ended = await feeds.BuildAsync(bob, harness.Clock.GetUtcNow(), CancellationToken.None);

        // Tuesday 10:00 in Tokyo is Monday 17:00 in Los Angeles; Thursday 16:30 in Tokyo is Wednesday 23:30 there.
        Assert.All(before.Meetings, m => Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(1, 0)), (m.Start.UtcDateTime.DayOfWeek, TimeOnly.FromDateTime(m.Start.UtcDateTime))));
        Assert.All(moved.Meetings, m => Assert.Equal((DayOfWeek.Thursday, new TimeOnly(7, 30)), (m.Start.UtcDateTime.DayOfWeek, TimeOnly.FromDateTime(m.Start.UtcDateTime))));
        Assert.Empty(before.Meetings.Select(m => m.Uid).Intersect(moved.Meetings.Select(m => m.Uid)));
        Assert.Empty(paused.Meetings);
        Assert.Equal(moved.Meetings.Select(m => m.Start), resumed.Meetings.Select(m => m.Start));
        Assert.Empty(ended.Meetings);
    }

    [Fact]
    public async Task Feed_ProposedPairing_HasNoEventsAndNothingOfOtherPeoplesPairings()
    {
        var harness = await ActivePairAsync();
        await harness.OnboardAsync("carol");
        await harness.SendAsync("1on1 setup @carol weekly fri 11:00", "alice");
        await harness.OnboardAsync("dave");
        await harness.SendAsync("1on1 setup @dave weekly wed 11:00", "bob");
        await harness.SendAsync("1on1 accept @bob", "dave");

        var carols = await Service(harness).BuildAsync(CoachHarness.User("carol"), harness.Clock.GetUtcNow(), CancellationToken.None);
        var alices = await Service(harness).BuildAsync(CoachHarness.User("alice"), harness.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Empty(carols.Meetings);
        Assert.All(alices.Meetings, m => Assert.Equal("1-on-1 with @bob", m.Summary));
        Assert.DoesNotContain(alices.Meetings, m => m.Description.Contains("dave", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgetMe_DeletesTheFeedAndExportSaysOneExistsWithoutItsToken()
    {
        var harness = await ActivePairAsync();
        var token = Token((await harness.SendAsync("1on1 calendar", "alice"))[0].Text);

        var export = Assert.Single(await harness.SendAsync("export", "alice"));
        var file = Encoding.UTF8.GetString(Assert.Single(export.Attachments).Content.Span);
        Assert.Contains("\"calendarFeed\"", file, StringComparison.Ordinal);
        Assert.DoesNotContain(token, file, StringComparison.Ordinal);
        Assert.DoesNotContain(CalendarFeedTokens.Hash(token)!, file, StringComparison.Ordinal);

        await harness.SendAsync("forget me yes", "alice");

        Assert.Empty(harness.CalendarFeeds.Hashes);
        Assert.Null(await Service(harness).FindAsync(token, CancellationToken.None));
    }

    [Fact]
    public void Tokens_AreRandomAndOnlyWellFormedOnesAreHashed()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => CalendarFeedTokens.New()).ToList();

        Assert.Equal(50, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.Equal(CalendarFeedTokens.TokenLength, t.Length));
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        Assert.Null(CalendarFeedTokens.Hash(null));
        Assert.Null(CalendarFeedTokens.Hash(tokens[0][..42]));
        Assert.Null(CalendarFeedTokens.Hash(tokens[0][..42] + "/"));
        Assert.Equal(64, CalendarFeedTokens.Hash(tokens[0])!.Length);
    }

    private static CalendarFeedService Service(CoachHarness harness) =>
        new([harness.CalendarFeeds], harness.OneOnOnes, harness.Users, CoachHarness.Content);

    private static string Token(string text) => TokenPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no address in: " + text);

    [GeneratedRegex(@"https://coachbot\.test/calendar/([A-Za-z0-9_-]+)\.ics")]
    private static partial Regex TokenPattern();

    private static async Task<CoachHarness> ActivePairAsync()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync("alice", timeZone: "Asia/Tokyo");
        await harness.OnboardAsync("bob", timeZone: "America/Los_Angeles");
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");
        await harness.SendAsync("1on1 accept @alice", "bob");
        return harness;
    }
}
