using System.Net;
using CoachBot.Testing;

namespace CoachBot.Host.Tests;

/// <summary>
/// <c>GET /privacy</c> over real HTTP, outside local mode too (the Teams manifest's privacyUrl points here): what is
/// stored, export and forget me, and the configured uninstall grace period.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class PrivacyPageTests
{
    private readonly AzuriteFixture _azurite;

    public PrivacyPageTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task PrivacyPage_GraceDaysSet_ShowsTheConfiguredDaysOutsideLocalMode()
    {
        await using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["Local:Enabled"] = "false",
            ["Slack:SigningSecret"] = "privacy-page-signing-secret-01",
            ["Slack:BotToken"] = "xoxb-1-privacy",
            ["Privacy:UninstallGraceDays"] = "45",
        });
        var client = app.CreateClient();

        using var response = await client.GetAsync("/privacy");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<strong>45 days</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("30 days", html, StringComparison.Ordinal);
        Assert.Contains("<code>export</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>forget me</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PrivacyPage_NoSetting_ShowsTheDefault30Days()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/privacy");

        Assert.Contains("<strong>30 days</strong>", html, StringComparison.Ordinal);
    }
}
