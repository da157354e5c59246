using CoachBot.Core.Skills;
using CoachBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests;

/// <summary>
/// The real host, in local mode, on its own tables of the shared Azurite. Settings given here reach Program.cs as
/// command-line arguments, so they win over appsettings.json exactly as an operator's would.
/// </summary>
internal sealed class CoachBotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public CoachBotApp(AzuriteFixture azurite, string? tablePrefix = null, IDictionary<string, string?>? settings = null)
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
    }

    public string TablePrefix { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Until the storage work registers the Azure skill store, `progress` and `skills` need a stand-in.
            if (!services.Any(d => d.ServiceType == typeof(ISkillStore)))
            {
                services.AddSingleton<ISkillStore, HostTestSkillStore>();
            }
        });
    }
}
