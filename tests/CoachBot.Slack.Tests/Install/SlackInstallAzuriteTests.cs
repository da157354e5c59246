using System.Net;
using Azure.Data.Tables;
using CoachBot.Slack.Api;
using CoachBot.Storage;
using CoachBot.Storage.Installations;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Install;

[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackInstallAzuriteTests
{
    private readonly AzuriteFixture _azurite;

    public SlackInstallAzuriteTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task An_install_through_the_endpoints_stores_no_plain_token_in_the_Installations_table()
    {
        var tables = await _azurite.CreateTablesAsync();
        await using var app = await InstallTestApp.StartAsync(new AzureTablesInstallationStore(tables));
        using var browser = app.NewBrowser();
        var state = await InstallTestApp.StartInstallAsync(browser);

        using var response = await browser.GetAsync(InstallTestApp.Callback(InstallTestApp.GoodCode, state));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await tables.QueryAsync<TableEntity>(StorageTableNames.Installations, string.Empty, null, CancellationToken.None);
        var row = Assert.Single(rows);
        Assert.StartsWith("v1:", row.GetString("BotToken"), StringComparison.Ordinal);
        Assert.DoesNotContain(row, v => v.Value is string s && s.Contains("plaintextsecret", StringComparison.Ordinal));
        var tokens = app.Services.GetRequiredService<ISlackTokenSource>();
        Assert.Equal(InstallTestApp.BotToken, await tokens.GetBotTokenAsync(new SlackTeam("T0001"), CancellationToken.None));
    }
}
