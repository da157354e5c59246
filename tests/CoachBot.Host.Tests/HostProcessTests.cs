using System.Diagnostics;
using System.Globalization;
using CoachBot.Core.Users;
using CoachBot.Storage;
using CoachBot.Storage.Azurite;
using CoachBot.Storage.Habits;
using CoachBot.Testing;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

/// <summary>
/// The host as an operator runs it: a real process, started and stopped with real signals. Slow: each test starts the
/// host (and Azurite) as processes of their own.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
[Trait("Category", "Slow")]
public sealed class HostProcessTests
{
    private readonly AzuriteFixture _azurite;

    public HostProcessTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Start_LocalModeNextToCredentials_ExitsNonZeroWithOneLineNamingTheSetting()
    {
        var home = Directory.CreateTempSubdirectory("coachbot-home-");
        try
        {
            using var host = HostProcess.Start(home.FullName, new Dictionary<string, string>
            {
                ["Local:Enabled"] = "true",
                ["Local:AutostartAzurite"] = "false",
                ["Slack:SigningSecret"] = "8f14e45fceea167a5a36dedd4bea2543",
                ["Slack:BotToken"] = "xoxb-1-real",
                ["Storage:ConnectionString"] = _azurite.ConnectionString,
                ["Urls"] = "http://127.0.0.1:0",
            });
            var stderr = host.StandardError.ReadToEndAsync();
            var stdout = host.StandardOutput.ReadToEndAsync();

            Assert.True(await HostProcess.ExitsAsync(host), "the host did not exit");

            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(1, host.ExitCode);
            var line = Assert.Single(lines);
            Assert.StartsWith("CoachBot cannot start: Local:Enabled is true but Slack:SigningSecret, Slack:BotToken are set", line, StringComparison.Ordinal);
            Assert.DoesNotContain("8f14e45fceea167a5a36dedd4bea2543", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", await stdout, StringComparison.Ordinal);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Stop_OneSecondAfterAWrite_TheWriteIsThereAfterARestart(string signal)
    {
        var home = Directory.CreateTempSubdirectory("coachbot-home-");
        var data = Directory.CreateTempSubdirectory("coachbot-local-data-");
        try
        {
            var azuritePort = AzuriteProcess.PickFreePort();
            var hostPort = AzuriteProcess.PickFreePort();
            var connectionString =
                $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
                $"TableEndpoint=http://127.0.0.1:{azuritePort}/{AzuriteProcess.AccountName};";
            var prefix = AzuriteFixture.NewTablePrefix();
            using (var host = HostProcess.Start(home.FullName, new Dictionary<string, string>
            {
                ["Local:AutostartAzurite"] = "true",
                ["Local:AzuriteDataPath"] = data.FullName,
                ["Storage:ConnectionString"] = connectionString,
                ["Storage:TablePrefix"] = prefix,
                ["Urls"] = $"http://127.0.0.1:{hostPort}",
            }))
            {
                _ = host.StandardError.ReadToEndAsync();
                _ = host.StandardOutput.ReadToEndAsync();
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hostPort}/") };
                Assert.True(await HostProcess.ReadyAsync(client, host), "the host did not get ready");
                await client.OnboardAsync("mei");
                await client.SendAsync("mei", "log recruiting Ran a culture-fit interview");

                // As a terminal's Ctrl+C (INT) or a service manager (TERM) does: every process of the group, Azurite too.
                using (var kill = Process.Start("kill", ["-" + signal, "--", "-" + host.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                }

                Assert.True(await HostProcess.ExitsAsync(host), "the host did not stop");
            }

            await using var azurite = await AzuriteProcess.StartAsync(
                new AzuriteStartOptions { Port = azuritePort, DataDirectory = data.FullName }, CancellationToken.None);
            var store = new AzureTablesProgressStore(new CoachBotTables(Options.Create(new StorageOptions
            {
                ConnectionString = azurite.ConnectionString, TablePrefix = prefix,
            })));
            var entries = await store.ListAsync(new UserRef("local", "local", "mei"), DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None);

            Assert.Equal("Ran a culture-fit interview", Assert.Single(entries).Note);
        }
        finally
        {
            home.Delete(recursive: true);
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Settings_AsTheReadmeOrdersThem_EnvironmentBeatsUserSecretsAndTheCommandLineBeatsBoth()
    {
        var home = Directory.CreateTempSubdirectory("coachbot-home-");
        try
        {
            // A prefix with a hyphen stops the start naming Storage:TablePrefix; a good one lets the host get ready.
            var secrets = Path.Combine(home.FullName, ".microsoft", "usersecrets", "coachbot-host");
            Directory.CreateDirectory(secrets);
            await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), """{ "Storage:TablePrefix": "bad-from-secrets", "Storage:ProfileCacheLifetime": "bad" }""");
            var hostPort = AzuriteProcess.PickFreePort();
            using var host = HostProcess.Start(
                home.FullName,
                new Dictionary<string, string>
                {
                    ["Local:AutostartAzurite"] = "false",
                    ["Storage:ConnectionString"] = _azurite.ConnectionString,
                    ["Storage:ProfileCacheLifetime"] = "00:00:05",
                    ["Urls"] = $"http://127.0.0.1:{hostPort}",
                },
                new Dictionary<string, string>
                {
                    ["Storage__TablePrefix"] = AzuriteFixture.NewTablePrefix(),
                    ["Storage__ProfileCacheLifetime"] = "also-bad",
                });
            var stderr = host.StandardError.ReadToEndAsync();
            _ = host.StandardOutput.ReadToEndAsync();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hostPort}/") };
                Assert.True(await HostProcess.ReadyAsync(client, host), "the host did not get ready: " + (host.HasExited ? await stderr : "still running"));
            }
            finally
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
