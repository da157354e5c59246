using System.Collections.Concurrent;
using CoachBot.Slack.Api;
using CoachBot.Slack.Tests.FakeSlack;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Tests.Api;

/// <summary>A <see cref="SlackApiClient"/> built through <see cref="SlackApiServiceCollectionExtensions.AddSlackApiClient"/>, talking to a <see cref="FakeSlackApi"/>.</summary>
internal sealed class SlackApiHarness : IAsyncDisposable
{
    public const string BotToken = "xoxb-secret-bot-token-4242";
    public const string AppToken = "xapp-secret-app-token-4242";
    public const string ClientSecret = "client-secret-4242";

    public static readonly SlackTeam Team = new("T1");

    private SlackApiHarness(FakeSlackApi slack, ServiceProvider services, TestTokenSource tokens, RecordingLogger<SlackApiClient> log)
    {
        Slack = slack;
        Services = services;
        Tokens = tokens;
        Log = log;
    }

    public FakeSlackApi Slack { get; }

    public ServiceProvider Services { get; }

    public TestTokenSource Tokens { get; }

    public RecordingLogger<SlackApiClient> Log { get; }

    /// <summary>Every other log line (HttpClient's included), at all levels.</summary>
    public AllLogs Everything { get; private init; } = new();

    public ISlackApiClient Client => Services.GetRequiredService<ISlackApiClient>();

    public static async Task<SlackApiHarness> StartAsync(
        TimeProvider? time = null, Action<SlackOptions>? configure = null, Action<IServiceCollection>? register = null)
    {
        var slack = await FakeSlackApi.StartAsync();
        var options = new SlackOptions
        {
            ApiBaseUrl = slack.BaseUrl,
            ClientId = "client-1",
            ClientSecret = ClientSecret,
            AppToken = AppToken,
        };
        configure?.Invoke(options);
        var tokens = new TestTokenSource();
        tokens.Tokens[Team.TenantId] = BotToken;
        var log = new RecordingLogger<SlackApiClient>();
        var services = new ServiceCollection();
        var everything = new AllLogs();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(everything));
        services.AddSingleton<IOptions<SlackOptions>>(Options.Create(options));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<ISlackTokenSource>(tokens);
        services.AddSingleton<ILogger<SlackApiClient>>(log);
        register?.Invoke(services);
        services.AddSlackApiClient();
        return new SlackApiHarness(slack, services.BuildServiceProvider(), tokens, log) { Everything = everything };
    }

    /// <summary>Asserts that no log line mentions any of the secrets.</summary>
    public void AssertNoSecretsLogged()
    {
        foreach (var text in Log.Records.Select(r => r.Message + r.Exception).Concat(Everything.Lines))
        {
            Assert.DoesNotContain(BotToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AppToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ClientSecret, text, StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Slack.DisposeAsync();
    }

    /// <summary>Records every log line of every category as text.</summary>
    internal sealed class AllLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {state} {exception}");
        }
    }

    /// <summary>Bot tokens by tenant id; unknown teams have none.</summary>
    internal sealed class TestTokenSource : ISlackTokenSource
    {
        public ConcurrentDictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

        public Task<string?> GetBotTokenAsync(SlackTeam team, CancellationToken cancellationToken) =>
            Task.FromResult(Tokens.TryGetValue(team.TenantId, out var token) ? token : null);
    }
}
