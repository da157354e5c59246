using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Slack.Inbound;
using CoachBot.Slack.Tests.FakeSlack;
using CoachBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>
/// The real host with the Slack edge on (single-workspace: signing secret + bot token), on its own tables of the
/// shared Azurite, calling a fake Slack Web API on loopback. Requests are signed exactly as Slack signs them.
/// </summary>
internal sealed class SlackHost : IAsyncDisposable
{
    public const string Secret = "test-signing-secret-0123456789";
    public const string Token = "xoxb-test-bot-token-42";
    public const string Team = "T0TEST";

    private readonly Factory _factory;

    private SlackHost(Factory factory, FakeSlackApi slack, string connectionString, string tablePrefix)
    {
        _factory = factory;
        Slack = slack;
        ConnectionString = connectionString;
        TablePrefix = tablePrefix;
        Client = factory.CreateClient();
    }

    public FakeSlackApi Slack { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The storage account the host writes to (the shared Azurite).</summary>
    public string ConnectionString { get; }

    /// <summary>The prefix of every table of this host (see <see cref="AccountScan"/>).</summary>
    public string TablePrefix { get; }

    public static async Task<SlackHost> StartAsync(
        AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var slack = await FakeSlackApi.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Local:Enabled"] = "false",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new SlackHost(new Factory(all, services), slack, all["Storage:ConnectionString"]!, all["Storage:TablePrefix"]!);
    }

    /// <summary>Posts a signed Events API body.</summary>
    public Task<HttpResponseMessage> PostEventAsync(JsonObject body) =>
        SendAsync("/slack/events", Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");

    /// <summary>Posts a signed slash command form.</summary>
    public Task<HttpResponseMessage> PostCommandAsync(IReadOnlyDictionary<string, string> form) =>
        SendAsync("/slack/commands", Encoding.UTF8.GetBytes(FormBody(form)), "application/x-www-form-urlencoded");

    /// <summary>Posts a signed interactivity payload as Slack does: one form field, payload=JSON.</summary>
    public Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload) =>
        SendAsync("/slack/interactions", Encoding.UTF8.GetBytes(FormBody(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() })), "application/x-www-form-urlencoded");

    /// <summary>Sends a body signed with <paramref name="secret"/> at <paramref name="timestamp"/> (defaults: the right secret, now).</summary>
    public async Task<HttpResponseMessage> SendAsync(
        string path, byte[] body, string contentType, string? secret = Secret, DateTimeOffset? timestamp = null, bool sign = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (sign)
        {
            var ts = (timestamp ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add("X-Slack-Request-Timestamp", ts);
            request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Sign(secret!, ts, body));
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <paramref name="timeout"/> (default 10 s).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var until = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, $"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    public static string FormBody(IReadOnlyDictionary<string, string> form) =>
        string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Slack.DisposeAsync();
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        private readonly Dictionary<string, string?> _settings;
        private readonly Action<IServiceCollection>? _services;

        public Factory(Dictionary<string, string?> settings, Action<IServiceCollection>? services)
        {
            _settings = settings;
            _services = services;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            if (_services is not null)
            {
                builder.ConfigureTestServices(_services);
            }
        }
    }
}
