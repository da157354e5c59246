using CoachBot.Content.Model;
using CoachBot.Core;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Habits;
using CoachBot.Core.Installations;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Privacy;
using CoachBot.Core.Reflections;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Testing;
using CoachBot.Testing.Fakes;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoachBot.Scheduler.Tests.Dispatch;

/// <summary>
/// The real core and scheduler (its own DI, Quartz off) over in-memory stores, the in-memory due index, a recording
/// local channel and a fake clock. <see cref="RunUntilAsync"/> plays the Quartz tick: it runs the real dispatcher at
/// every minute in which a row is due (or still pending), jumping over the minutes in which nothing is.
/// </summary>
public sealed class DispatchHarness : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ServiceProvider _provider;

    /// <param name="start">The fake clock's start.</param>
    /// <param name="settings">Configuration on top of the scheduler defaults.</param>
    /// <param name="roster">The local channel's roster; none by default, so members are the posters.</param>
    public DispatchHarness(DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null, IChannelRoster? roster = null)
    {
        Clock = new FakeTimeProvider(start);
        Ledger = new RecordingLedger(Clock);
        Sender = new TimedChannelSender(Clock);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Scheduler:Enabled"] = "false",
            ["Scheduler:ReplicaId"] = "test-replica",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(TestContent.Library)
            .AddSingleton<IUserStore>(new InMemoryUserStore())
            .AddSingleton<IProgressStore>(Progress)
            .AddSingleton<ISkillStore>(new InMemorySkillStore())
            .AddSingleton<ITalkingPointStore>(new InMemoryTalkingPointStore())
            .AddSingleton<IConversationReferenceStore>(new InMemoryConversationReferenceStore())
            .AddSingleton<IDeliveryLedger>(Ledger)
            .AddSingleton<IInbox>(new InMemoryInbox())
            .AddSingleton<IOneOnOneStore>(new InMemoryOneOnOneStore())
            .AddSingleton<IReflectionStore>(new InMemoryReflectionStore())
            .AddSingleton<CoachBot.Core.Health.ITeamHealthStore>(new InMemoryTeamHealthStore())
            .AddSingleton<IChannelSender>(Sender)
            .AddSingleton<IDueIndex>(Index)

            // The uninstall purge's ports: this harness never runs the purge (see Privacy/UninstallPurgeJobTests).
            .AddSingleton<IPendingUninstallStore>(new InMemoryPendingUninstallStore())
            .AddSingleton(Mock.Of<ITenantUsers>())
            .AddSingleton(Mock.Of<IUploadedFileStore>())
            .AddSingleton<IProgressChartLinks, FixedChartLinks>()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<ILogger<DueIndexDispatcher>>(Logs)
            .AddCoachBotCore()
            .AddCoachBotScheduler(configuration);
        if (roster is not null)
        {
            services.AddSingleton(roster);
        }

        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Dispatcher = _provider.GetRequiredService<DueIndexDispatcher>();
        Users = _provider.GetRequiredService<IUserStore>();
        OneOnOnes = _provider.GetRequiredService<IOneOnOneStore>();
        Reflections = _provider.GetRequiredService<IReflectionStore>();
        Engine = _provider.GetRequiredService<ConversationEngine>();
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryDueIndex Index { get; } = new();

    public RecordingLedger Ledger { get; }

    public TimedChannelSender Sender { get; }

    public InMemoryProgressStore Progress { get; } = new();

    public RecordingLogger<DueIndexDispatcher> Logs { get; } = new();

    public DueIndexDispatcher Dispatcher { get; }

    /// <summary>The user store as the bot sees it: saves reschedule (the scheduler's decorator).</summary>
    public IUserStore Users { get; }

    /// <summary>The 1-on-1 store as the bot sees it: saves reschedule.</summary>
    public IOneOnOneStore OneOnOnes { get; }

    /// <summary>The reflection store as the bot sees it: saves reschedule.</summary>
    public IReflectionStore Reflections { get; }

    /// <summary>The bot's conversation engine over the same stores (saves reschedule, as in the host).</summary>
    public ConversationEngine Engine { get; }

    /// <summary>How many dispatcher runs <see cref="RunUntilAsync"/> made.</summary>
    public int Runs { get; private set; }

    /// <summary>An onboarded local user (role and path from the content, 09:00 Monday to Friday) in <paramref name="timeZone"/>.</summary>
    public static UserProfile Onboarded(string id, string timeZone) => new()
    {
        User = new UserRef("local", "local", id),
        DisplayName = id,
        TimeZoneId = timeZone,
        TimeZoneChosen = true,
        Role = TestContent.Library.For(ContentLibrary.DefaultLanguage).Roles[0].Id,
        CareerPath = TestContent.Library.For(ContentLibrary.DefaultLanguage).Paths[0].Id,
        Onboarding = OnboardingStep.Complete,
        NudgeTime = new TimeOnly(9, 0),
    };

    /// <summary>Saves the profile through the bot's user store, which schedules it.</summary>
    public Task<UserProfile> AddUserAsync(UserProfile profile) => Users.SaveAsync(profile, None);

    /// <summary>A local user types <paramref name="text"/> (from a channel that hints <paramref name="timeZone"/>).</summary>
    public Task<IReadOnlyList<Reply>> SayAsync(string user, string text, string? timeZone = null) => Engine.HandleAsync(
        new IncomingTurn { User = new UserRef("local", "local", user), Text = text, TimeZoneHint = timeZone, TurnId = Guid.NewGuid().ToString("N") },
        None);

    /// <summary>One dispatcher run at the current fake time.</summary>
    public Task<DispatchSummary> RunOnceAsync() => Dispatcher.RunOnceAsync(None);

    /// <summary>Moves the clock on by <paramref name="by"/> and runs the dispatcher once.</summary>
    public Task<DispatchSummary> AdvanceAndRunAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return RunOnceAsync();
    }

    /// <summary>
    /// Runs the dispatcher at every whole minute up to <paramref name="end"/> in which a row is due or pending, and
    /// leaves the clock at <paramref name="end"/>. Each due minute is seen on time, as with the every-minute tick.
    /// </summary>
    public async Task RunUntilAsync(DateTimeOffset end)
    {
        await RunOnceAsync();
        Runs++;
        while (NextTick() is { } next && next <= end)
        {
            Clock.SetUtcNow(next);
            await RunOnceAsync();
            Runs++;
        }

        if (Clock.GetUtcNow() < end)
        {
            Clock.SetUtcNow(end);
        }
    }

    public void Dispose()
    {
        Dispatcher.Dispose();
        _provider.Dispose();
    }

    /// <summary>The first whole minute after now at which some row is due or its claim runs out.</summary>
    private DateTimeOffset? NextTick()
    {
        var now = Clock.GetUtcNow();
        DateTimeOffset? next = null;
        foreach (var row in Index.DueRows)
        {
            var ready = row.ClaimedUntil is { } until && until > row.Occurrence.DueAt ? until : row.Occurrence.DueAt;
            var tick = ready <= now ? CeilingMinute(now + TimeSpan.FromTicks(1)) : CeilingMinute(ready);
            if (next is null || tick < next)
            {
                next = tick;
            }
        }

        return next;
    }

    private static DateTimeOffset CeilingMinute(DateTimeOffset at)
    {
        var ticks = (at.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    private sealed class FixedChartLinks : IProgressChartLinks
    {
        public string CreateUrl(UserRef user, string language) => $"https://charts.test/{user.UserId}/{language}.png";
    }
}
