using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Habits;
using CoachBot.Core.Installations;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Privacy;
using CoachBot.Core.Reflections;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;
using CoachBot.Testing;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Core.Tests;

/// <summary>
/// The real conversation engine over in-memory stores and a fake clock, with a fluent Send(...) for tests.
/// Each test builds its own harness, so no test sees another's data.
/// </summary>
internal sealed class CoachHarness
{
    private int _messageCounter;

    /// <param name="now">The fake clock's start; Tuesday 2026-11-24 09:00 UTC by default.</param>
    /// <param name="users">A user store to use instead of the in-memory one.</param>
    /// <param name="talkingPoints">A talking point store to use instead of the in-memory one.</param>
    /// <param name="skills">A skill store to use instead of the in-memory one.</param>
    /// <param name="exportLinks">The host's export download links; none by default, as in hosts without HTTP.</param>
    /// <param name="personAccounts">A channel's finder of one person's other accounts; none by default.</param>
    /// <param name="directory">A channel's directory of people the bot has not met; none by default.</param>
    /// <param name="roster">A platform's channel roster; none by default, so channel members are the posters.</param>
    /// <param name="missionCharts">The host's missions chart links; none by default, as in hosts without charts.</param>
    public CoachHarness(
        DateTimeOffset? now = null,
        IUserStore? users = null,
        ITalkingPointStore? talkingPoints = null,
        ISkillStore? skills = null,
        IExportLinks? exportLinks = null,
        IPersonAccounts? personAccounts = null,
        IPersonDirectory? directory = null,
        IChannelRoster? roster = null,
        CoachBot.Core.Missions.IMissionChartLinks? missionCharts = null)
    {
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        Users = users ?? new InMemoryUserStore();
        TalkingPoints = talkingPoints ?? new InMemoryTalkingPointStore();
        Skills = skills ?? new InMemorySkillStore();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(TestContent.Library)
            .AddSingleton(Users)
            .AddSingleton<IProgressStore>(Progress)
            .AddSingleton<ISkillStore>(Skills)
            .AddSingleton<ITalkingPointStore>(TalkingPoints)
            .AddSingleton<IConversationReferenceStore>(References)
            .AddSingleton<IDeliveryLedger>(Ledger)
            .AddSingleton<IOneOnOneStore>(OneOnOnes)
            .AddSingleton<IChannelSender>(Sent)
            .AddSingleton<IReflectionStore>(Reflections)
            .AddSingleton<CoachBot.Core.Health.ITeamHealthStore>(TeamHealth)
            .AddSingleton<IInbox>(Inbox)
            .AddSingleton<IProgressChartLinks>(new TestChartLinks())
            .AddSingleton<ICalendarFeedStore>(CalendarFeeds)
            .AddSingleton<ICalendarFeedLinks>(new TestCalendarLinks())
            .AddSingleton<CoachBot.Core.Health.ITeamHealthChartLinks>(new TestHealthChartLinks())
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddCoachBotCore();
        if (exportLinks is not null)
        {
            services.AddSingleton(exportLinks);
        }

        if (personAccounts is not null)
        {
            services.AddSingleton(personAccounts);
        }

        if (directory is not null)
        {
            services.AddSingleton(directory);
        }

        if (roster is not null)
        {
            services.AddSingleton(roster);
        }

        if (missionCharts is not null)
        {
            services.AddSingleton(missionCharts);
        }

        var provider = services.BuildServiceProvider();
        Engine = provider.GetRequiredService<ConversationEngine>();
        Reminders = provider.GetRequiredService<OneOnOneReminders>();
        TeamReflections = provider.GetRequiredService<TeamReflectionService>();
    }

    public FakeTimeProvider Clock { get; }

    public ITalkingPointStore TalkingPoints { get; }

    public ISkillStore Skills { get; }

    public IUserStore Users { get; }

    public InMemoryProgressStore Progress { get; } = new();

    public InMemoryConversationReferenceStore References { get; } = new();

    public InMemoryDeliveryLedger Ledger { get; } = new();

    public InMemoryOneOnOneStore OneOnOnes { get; } = new();

    /// <summary>Messages sent without a turn (proposals, notifications) on the local channel.</summary>
    public RecordingChannelSender Sent { get; } = new();

    public ConversationEngine Engine { get; }

    /// <summary>The 1-on-1 prep and follow-up builders the scheduler calls.</summary>
    public OneOnOneReminders Reminders { get; }

    public InMemoryReflectionStore Reflections { get; } = new();

    /// <summary>Private calendar feeds (<c>1on1 calendar</c>): token hashes only.</summary>
    public InMemoryCalendarFeedStore CalendarFeeds { get; } = new();

    public InMemoryTeamHealthStore TeamHealth { get; } = new();

    /// <summary>Raw events waiting for a worker (what `forget me` clears of the user's).</summary>
    public InMemoryInbox Inbox { get; } = new();

    public TeamReflectionService TeamReflections { get; }

    public static ContentLibrary Content => TestContent.Library;

    public static UserRef User(string id = "alice") => new("local", "local", id);

    public Task<IReadOnlyList<Reply>> SendAsync(string text, string user = "alice", string? timeZone = null, string? turnId = null, string? locale = null) =>
        HandleAsync(new IncomingTurn { User = User(user), Text = text, TimeZoneHint = timeZone, TurnId = turnId ?? NextId(), Locale = locale });

    public Task<IReadOnlyList<Reply>> PressAsync(string actionId, IReadOnlyDictionary<string, string>? values = null, string user = "alice") =>
        HandleAsync(new IncomingTurn { User = User(user), Action = new TurnAction(actionId, values ?? new Dictionary<string, string>()), TurnId = NextId() });

    public Task<IReadOnlyList<Reply>> PressAsync(ReplyButton button, string user = "alice") => PressAsync(button.ActionId, button.Values, user);

    /// <summary>Completes onboarding by buttons: the given role and path, 09:00, Monday to Friday.</summary>
    public async Task OnboardAsync(string user = "alice", string role = "senior", string path = "internal", string? timeZone = null)
    {
        await SendAsync("start", user, timeZone);
        await PressAsync("onboarding.role", new Dictionary<string, string> { ["value"] = role }, user);
        await PressAsync("onboarding.path", new Dictionary<string, string> { ["value"] = path }, user);
        await PressAsync("onboarding.time", new Dictionary<string, string> { ["value"] = "09:00" }, user);
        await PressAsync("onboarding.days", new Dictionary<string, string> { ["value"] = "mon-fri" }, user);
    }

    /// <summary>Every practice of the user, oldest first.</summary>
    public async Task<IReadOnlyList<PracticeEntry>> PracticeAsync(string user = "alice") =>
        await Progress.ListAsync(User(user), DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None);

    public async Task<UserProfile> ProfileAsync(string user = "alice") =>
        await Users.GetAsync(User(user), CancellationToken.None) ?? throw new InvalidOperationException("no profile");

    /// <summary>Runs a turn built by the test (e.g. one from a channel that takes no files).</summary>
    public async Task<IReadOnlyList<Reply>> HandleAsync(IncomingTurn turn)
    {
        var replies = await Engine.HandleAsync(turn, CancellationToken.None);
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), "every reply carries its text fallback"));
        return replies;
    }

    private string NextId() => "msg-" + Interlocked.Increment(ref _messageCounter);
}
