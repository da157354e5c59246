using CoachBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests;

/// <summary>
/// The real host, in local mode, on its own tables of the shared Azurite. Settings given here reach Program.cs as
/// command-line arguments, so they win over appsettings.json exactly as an operator's would. It listens on a free
/// loopback port over real HTTP: the local channel answers only loopback callers that name this port.
/// </summary>
internal sealed class CoachBotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    // overHttp: false keeps the in-memory test server, for tests that only start the host: over real HTTP the
    // factory hides why a start failed behind an ObjectDisposedException.
    public CoachBotApp(AzuriteFixture azurite, string? tablePrefix = null, IDictionary<string, string?>? settings = null, bool overHttp = true)
    {
        TablePrefix = tablePrefix ?? AzuriteFixture.NewTablePrefix();
        _settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Local:Enabled"] = "true",
            ["Local:AutostartAzurite"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (overHttp)
        {
            // A free port, not appsettings' 3978, so apps run side by side. The port comes from Urls, not from
            // UseKestrel(port): that overload rewrites the server's addresses after the app's own thread may already
            // have bound them, and then fails at random with "IServerAddressesFeature.Addresses cannot be modified
            // after the server has started" (dotnet/aspnetcore PR 67714).
            _settings.TryAdd("Urls", "http://127.0.0.1:0");
            UseKestrel();
        }
    }

    public string TablePrefix { get; }

    /// <summary>Extra registrations after the host's own (e.g. an in-memory telemetry exporter).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (ConfigureTestServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }
}
