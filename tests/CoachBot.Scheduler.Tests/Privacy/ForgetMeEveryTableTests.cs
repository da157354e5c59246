using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Testing;

namespace CoachBot.Scheduler.Tests.Privacy;

/// <summary>
/// Issue #13 section 5 acceptance: after `forget me`, a scan of every table of the storage account (listed from the
/// account, not from a list in code) finds no row that names the user, however the user's data got there.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
[Trait("Category", "Slow")]
public sealed class ForgetMeEveryTableTests
{
    // Tuesday 2026-11-24 08:30 UTC: the users' first 09:00 nudge is half an hour away.
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;

    public ForgetMeEveryTableTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task ForgetMe_UserSeededThroughEveryFeature_NoRowInAnyTableNamesThem()
    {
        await using var app = new FullStackHarness(_azurite, Start);
        await app.InitializeAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var team = "T" + suffix;
        var victim = new UserRef("slack", team, "UVIC" + suffix);
        var boss = new UserRef("slack", team, "UBOS" + suffix);
        var report = new UserRef("slack", team, "UREP" + suffix);
        const string ItemForOthers = "itemwrittenforothers";
        const string Answer = "answerthatmustgo";
        foreach (var user in new[] { victim, boss, report })
        {
            await app.OnboardAsync(user);
        }

        // Practice, skills and settings.
        await app.SendAsync(victim, "today");
        await app.SendAsync(victim, "done led the design review");
        await app.SendAsync(victim, "skills 3 2 4 3 2");
        await app.SendAsync(victim, "settings language ja");
        await app.SendAsync(victim, "settings language en");

        // 1-on-1s as manager (with a report) and as report (of a boss): notes, items for both sides, talking points.
        await app.SendAsync(victim, $"1on1 setup @{report.UserId} weekly thu 15:00");
        await app.SendAsync(report, "1on1 accept");
        await app.SendAsync(boss, $"1on1 setup @{victim.UserId} weekly wed 10:00");
        await app.SendAsync(victim, "1on1 accept");
        await app.SendAsync(victim, $"1on1 add @{report.UserId} my talking point");
        await app.SendAsync(victim, $"1on1 add @{boss.UserId} my point for the boss");
        await app.SendAsync(victim, $"1on1 note @{report.UserId} shared note from the victim");
        await app.SendAsync(victim, $"1on1 note @{boss.UserId} private my private note");
        await app.SendAsync(victim, $"1on1 action @{report.UserId} {ItemForOthers} owner @{report.UserId}");
        await app.SendAsync(victim, $"1on1 action @{boss.UserId} my own task");
        await app.SendAsync(boss, $"1on1 action @{victim.UserId} the boss's task for the victim owner @{victim.UserId}");
        await app.SendAsync(victim, $"1on1 agenda @{boss.UserId}");
        await app.SendAsync(boss, $"1on1 agenda @{victim.UserId}");

        // A team reflection the victim leads, and their answer.
        var channel = TeamChannel.For(victim, "C" + suffix);
        var reflections = app.Get<TeamReflectionService>();
        foreach (var member in new[] { victim, boss, report })
        {
            await reflections.RecordMemberAsync(channel, member, None);
        }

        var on = await app.SendAsync(victim, $"team reflection on #{channel.ConversationId} Tue 09:05");
        Assert.False(on[0].IsError, on[0].Text);
        var joined = await app.PressAsync(victim, TeamReflectionHandler.LeadAction, new Dictionary<string, string> { ["channel"] = "#" + channel.ConversationId, ["part"] = "in" });
        Assert.False(joined[0].IsError, joined[0].Text);

        // Where proactive messages go, and the workspace's installation.
        await app.Get<IConversationReferenceStore>().SaveAsync(new ConversationReference(victim, "D" + suffix, null, "B1", "en", Start), None);
        await app.Get<IInstallationStore>().SaveAsync(new Installation("slack", team, null, "UBOT" + suffix, "xoxb-test", ["chat:write"], Start), None);

        // Slack events still waiting in the inbox: two of the victim's, one of someone else.
        var inbox = app.Get<IInbox>();
        await inbox.TryEnqueueAsync("slack", "Ev-victim-1", "event", SlackMessage(team, victim.UserId, "today"), None);
        await inbox.TryEnqueueAsync("slack", "Ev-victim-2", "command", $"team_id={team}&user_id={victim.UserId}&command=%2Fcoach&text=progress", None);
        await inbox.TryEnqueueAsync("slack", "Ev-boss-1", "event", SlackMessage(team, boss.UserId, "today"), None);

        // The 09:00 nudges and the 09:05 reflection go out: ledger rows, moved schedules, remembered steps.
        app.Clock.SetUtcNow(Start.AddMinutes(30));
        await app.Dispatcher.RunOnceAsync(None);
        app.Clock.SetUtcNow(Start.AddMinutes(35));
        await app.Dispatcher.RunOnceAsync(None);
        var invitation = app.Sender.Messages.Last(m => m.User == victim && m.Reply.Form is not null).Reply.Form!;
        var round = invitation.Inputs.Single(i => i.Id == ReflectionForm.RoundInput).InitialValue!;
        var saved = await app.PressAsync(victim, ReflectionForm.SubmitAction, new Dictionary<string, string>
        {
            [ReflectionForm.RoundInput] = round,
            ["answer1"] = Answer,
            ["quote1"] = ReflectionForm.Yes,
        });
        Assert.False(saved[0].IsError, saved[0].Text);

        var before = await app.RowsContainingAsync(victim.UserId);
        foreach (var table in new[] { "Users", "Practice", "Skills", "TalkingPoints", "OneOnOnes", "OneOnOneIndex", "ReflectionTeams", "ReflectionMembers", "ReflectionsByUser", "Ledger", "Schedules", "Due", "ConversationRefs", "Inbox" })
        {
            Assert.Contains(before, row => row.StartsWith(table + ":", StringComparison.Ordinal));
        }

        Assert.NotEmpty(await app.RowsContainingAsync(ItemForOthers));

        var done = await app.SendAsync(victim, "forget me yes");

        Assert.False(done[0].IsError, done[0].Text);
        var left = await app.RowsContainingAsync(victim.UserId, victim.UserId + " Person", ItemForOthers, Answer);
        Assert.True(left.Count == 0, "rows still naming the user: " + string.Join("; ", left));
        Assert.NotEmpty(await app.RowsContainingAsync(boss.UserId));
        Assert.Contains(await app.RowsContainingAsync("Ev-boss-1"), row => row.StartsWith("Inbox:", StringComparison.Ordinal));
        Assert.True((await app.TablesAsync()).Count >= 18, "the scan must see every table the stores created");
    }

    [Fact]
    public async Task ForgetMe_DuringAScheduledNudge_TheDeliveryWritesNothingAboutTheUserAfterwards()
    {
        await using var app = new FullStackHarness(_azurite, Start);
        await app.InitializeAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var victim = new UserRef("slack", "T" + suffix, "UVIC" + suffix);
        await app.OnboardAsync(victim);
        Assert.NotEmpty(await app.RowsContainingAsync(victim.UserId));

        // Another replica runs `forget me` after this delivery wrote its ledger row and before its send returns.
        app.Sender.DuringNextSend = user => app.SendAsync(user, "forget me yes");
        app.Clock.SetUtcNow(Start.AddMinutes(30));
        await app.Dispatcher.RunOnceAsync(None);

        Assert.Contains(app.Sender.Messages, m => m.User == victim);
        var left = await app.RowsContainingAsync(victim.UserId);
        Assert.True(left.Count == 0, "rows still naming the user: " + string.Join("; ", left));
    }

    [Fact]
    public async Task ForgetMe_AfterANudgeLoadedTheProfile_TheDeliveryCleansUpWhatItWrote()
    {
        await using var app = new FullStackHarness(_azurite, Start);
        await app.InitializeAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var victim = new UserRef("slack", "T" + suffix, "UVIC" + suffix);
        await app.OnboardAsync(victim);

        // `forget me` completes on another replica after this delivery read the profile, before it writes its ledger row.
        app.Ledger.BeforeNextDelivery = user => app.SendAsync(user, "forget me yes");
        app.Clock.SetUtcNow(Start.AddMinutes(30));
        await app.Dispatcher.RunOnceAsync(None);

        var left = await app.RowsContainingAsync(victim.UserId);
        Assert.True(left.Count == 0, "rows still naming the user: " + string.Join("; ", left));
    }

    private static string SlackMessage(string team, string user, string text) =>
        $$$"""{"type":"event_callback","team_id":"{{{team}}}","event":{"type":"message","channel_type":"im","user":"{{{user}}}","text":"{{{text}}}"}}""";
}
