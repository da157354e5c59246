using Azure.Data.Tables;
using CoachBot.Core;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Habits;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Storage;
using CoachBot.Storage.Delivery;
using CoachBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Scheduler.Tests.Privacy;

/// <summary>
/// The real core, the real Azure Tables stores (fresh tables on the shared Azurite) and the real scheduler (Quartz off)
/// on a fake clock, with a recording sender for the Slack channel. Turns go through the engine the way an edge hands
/// them over: the message id is recorded in the user's ledger partition first.
/// </summary>
public sealed class FullStackHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string _connectionString;
    private int _turns;

    public FullStackHarness(AzuriteFixture azurite, DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        Clock = new FakeTimeProvider(start);
        TablePrefix = AzuriteFixture.NewTablePrefix();
        _connectionString = azurite.ConnectionString;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Scheduler:Enabled"] = "false",
            ["Scheduler:ReplicaId"] = "full-stack",
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
            .AddSingleton<IChannelSender>(Sender)
            .AddSingleton<IProgressChartLinks, NoChartLinks>()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddCoachBotStorage(configuration)
            .AddSingleton<AzureTablesDeliveryLedger>()
            .AddSingleton<HookedLedger>(sp => new HookedLedger(sp.GetRequiredService<AzureTablesDeliveryLedger>()))
            .AddSingleton<IDeliveryLedger>(sp => sp.GetRequiredService<HookedLedger>())
            .AddCoachBotCore()
            .AddCoachBotScheduler(configuration);
        _provider = services.BuildServiceProvider();
        Engine = _provider.GetRequiredService<ConversationEngine>();
        Dispatcher = _provider.GetRequiredService<DueIndexDispatcher>();
    }

    public FakeTimeProvider Clock { get; }

    public string TablePrefix { get; }

    /// <summary>What the scheduler and the core pushed to Slack users.</summary>
    public SlackRecordingSender Sender { get; } = new();

    public ConversationEngine Engine { get; }

    /// <summary>The ledger every part of the bot uses, with a hook before a scheduled delivery writes its key.</summary>
    public HookedLedger Ledger => Get<HookedLedger>();

    public DueIndexDispatcher Dispatcher { get; }

    /// <summary>A service of the container (the stores as the bot sees them, with the scheduler's decorators).</summary>
    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Creates every table, as the host's initializer does at start.</summary>
    public Task InitializeAsync() => Get<CoachBotTables>().EnsureCreatedAsync(CancellationToken.None);

    /// <summary>A typed message, recorded in the user's ledger partition first as an edge does.</summary>
    public Task<IReadOnlyList<Reply>> SendAsync(UserRef user, string text, string? conversationId = null, string? timeZone = null) =>
        HandleAsync(new IncomingTurn { User = user, Text = text, ConversationId = conversationId, TimeZoneHint = timeZone, TurnId = NextId(), DisplayName = user.UserId + " Person" });

    /// <summary>A button press or form submission.</summary>
    public Task<IReadOnlyList<Reply>> PressAsync(UserRef user, string actionId, IReadOnlyDictionary<string, string>? values = null) =>
        HandleAsync(new IncomingTurn { User = user, Action = new TurnAction(actionId, values ?? new Dictionary<string, string>()), TurnId = NextId() });

    /// <summary>Completes onboarding by buttons: senior, internal path, 09:00 Monday to Friday, UTC.</summary>
    public async Task OnboardAsync(UserRef user)
    {
        await SendAsync(user, "start", timeZone: "UTC");
        await PressAsync(user, "onboarding.role", new Dictionary<string, string> { ["value"] = "senior" });
        await PressAsync(user, "onboarding.path", new Dictionary<string, string> { ["value"] = "internal" });
        await PressAsync(user, "onboarding.time", new Dictionary<string, string> { ["value"] = "09:00" });
        await PressAsync(user, "onboarding.days", new Dictionary<string, string> { ["value"] = "mon-fri" });
    }

    /// <summary>
    /// Every row, in every table of this harness's prefix (listed from the account, not from code), whose keys or
    /// string columns contain any of <paramref name="needles"/>, as <c>table: pk / rk</c>.
    /// </summary>
    public Task<IReadOnlyList<string>> RowsContainingAsync(params string[] needles) =>
        AccountScan.RowsContainingAsync(_connectionString, TablePrefix, needles);

    /// <summary>The logical names of every table of this harness's prefix that exists in the account.</summary>
    public async Task<IReadOnlyList<string>> TablesAsync()
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(_connectionString).QueryAsync())
        {
            if (table.Name.StartsWith(TablePrefix, StringComparison.Ordinal))
            {
                names.Add(table.Name[TablePrefix.Length..]);
            }
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        Dispatcher.Dispose();
        await _provider.DisposeAsync();
    }

    private async Task<IReadOnlyList<Reply>> HandleAsync(IncomingTurn turn)
    {
        await Get<IDeliveryLedger>().TryRecordAsync(turn.User, "slack-event:" + turn.TurnId, CancellationToken.None);
        return await Engine.HandleAsync(turn, CancellationToken.None);
    }

    private string NextId() => "Ev" + Interlocked.Increment(ref _turns).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class NoChartLinks : IProgressChartLinks
    {
        public string CreateUrl(UserRef user, string language) => "https://charts.test/chart.png";
    }
}
