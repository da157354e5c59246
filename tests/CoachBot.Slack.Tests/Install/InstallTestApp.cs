using System.Net;
using CoachBot.Core.Installations;
using CoachBot.Slack.Api;
using CoachBot.Slack.Install;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoachBot.Slack.Tests.Install;

/// <summary>MapSlackInstall on loopback Kestrel with a Moq oauth.v2.access and a given installation store.</summary>
internal sealed class InstallTestApp : IAsyncDisposable
{
    public const string GoodCode = "code-good-4711";
    public const string BadCode = "code-bad-4712";
    public const string BotToken = "xoxb-111-222-plaintextsecret";
    public const string ClientSecret = "client-secret-value";

    private readonly WebApplication _app;

    private InstallTestApp(WebApplication app, IInstallationStore store, FakeTimeProvider clock, Mock<ISlackOAuthApi> oauth, RecordingLoggerProvider logs)
    {
        _app = app;
        Store = store;
        Clock = clock;
        OAuth = oauth;
        Logs = logs;
        BaseAddress = LoopbackHost.BaseAddress(app);
    }

    public Uri BaseAddress { get; }

    public IInstallationStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public Mock<ISlackOAuthApi> OAuth { get; }

    public RecordingLoggerProvider Logs { get; }

    public static Uri RedirectUri { get; } = new("https://coach.example.test/slack/oauth");

    public IServiceProvider Services => _app.Services;

    public static async Task<InstallTestApp> StartAsync(IInstallationStore store)
    {
        var logs = new RecordingLoggerProvider();
        var clock = InstallTestSupport.Clock();
        var oauth = new Mock<ISlackOAuthApi>();
        oauth.Setup(o => o.AccessAsync(GoodCode, It.IsAny<Uri?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SlackOAuthResult(new SlackTeam("T0001", "E0001"), BotToken, "UBOT", "A0001", ["chat:write", "commands"], "UADMIN", false));
        oauth.Setup(o => o.AccessAsync(BadCode, It.IsAny<Uri?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SlackApiException("oauth.v2.access", "invalid_code", "oauth.v2.access failed: invalid_code"));
        var api = new Mock<ISlackApiClient>();
        api.SetupGet(a => a.OAuthV2).Returns(oauth.Object);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:ClientId"] = "1234.5678",
            ["Slack:ClientSecret"] = ClientSecret,
            ["Slack:TokenEncryptionKey"] = InstallTestSupport.NewKey(),
            ["Slack:RedirectUri"] = RedirectUri.ToString(),
            ["Slack:AuthorizeUrl"] = "https://slack.example.test/oauth/v2/authorize",
        }).Build();
        var builder = LoopbackHost.CreateBuilder(logs);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.Configure<SlackOptions>(configuration.GetSection(SlackOptions.SectionName));
        builder.Services.AddSingleton(store);

        // The host gets this from the storage registration; the install endpoints record uninstalls and clear them on install.
        builder.Services.AddSingleton<IPendingUninstallStore>(new CoachBot.Testing.Fakes.InMemoryPendingUninstallStore());
        builder.Services.AddSingleton(api.Object);
        builder.Services.AddSlackInstall(configuration);
        var app = builder.Build();
        app.MapSlackInstall();
        await app.StartAsync();
        return new InstallTestApp(app, store, clock, oauth, logs);
    }

    /// <summary>A browser of its own: cookies kept, redirects not followed.</summary>
    public HttpClient NewBrowser() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>Starts an install in <paramref name="browser"/> and returns the state from the redirect.</summary>
    public static async Task<string> StartInstallAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync(new Uri("/slack/install", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
    }

    public static Uri Callback(string? code, string? state, string? error = null)
    {
        var query = new Dictionary<string, string?>();
        if (code is not null)
        {
            query["code"] = code;
        }

        if (state is not null)
        {
            query["state"] = state;
        }

        if (error is not null)
        {
            query["error"] = error;
        }

        return new Uri(QueryHelpers.AddQueryString("/slack/oauth", query), UriKind.Relative);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
