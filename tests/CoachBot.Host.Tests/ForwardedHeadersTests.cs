using System.Net;
using CoachBot.Slack.Install;
using CoachBot.Testing;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

/// <summary>
/// Behind the platform's proxy (<c>ForwardedHeaders:Enabled</c>, as infra/ sets it) the Slack OAuth cookie is Secure
/// and absolute links use https and the forwarded public host; without the setting, or with a host not in
/// <c>ForwardedHeaders:AllowedHosts</c>, a client's X-Forwarded-* headers change nothing. Over real HTTP.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ForwardedHeadersTests
{
    private const string PublicHost = "coach.example.org";

    private readonly AzuriteFixture _azurite;

    public ForwardedHeadersTests(AzuriteFixture azurite) => _azurite = azurite;

    private CoachBotApp SlackOAuthHost(bool behindProxy)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Local:Enabled"] = "false",
            ["Slack:SigningSecret"] = "forwarded-headers-signing-secret",
            ["Slack:ClientId"] = "123.456",
            ["Slack:ClientSecret"] = "forwarded-client-secret",
            ["Slack:TokenEncryptionKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 3)).ToArray()),
        };
        if (behindProxy)
        {
            settings["ForwardedHeaders:Enabled"] = "true";
            settings["ForwardedHeaders:AllowedHosts"] = PublicHost;
        }

        return new CoachBotApp(_azurite, settings: settings);
    }

    private static HttpRequestMessage Forwarded(string path, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", host);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    // A plain client on the app's real port: the install answer redirects to Slack, which a test must not follow.
    private static HttpClient NoRedirects(CoachBotApp app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.CreateClient().BaseAddress };

    [Fact]
    public async Task BehindTheProxy_TheOAuthCookieIsSecure_AndLinksUseHttpsAndThePublicHost()
    {
        await using var app = SlackOAuthHost(behindProxy: true);
        using var client = NoRedirects(app);

        using var install = await client.SendAsync(Forwarded("/slack/install", PublicHost));
        using var page = await client.SendAsync(Forwarded("/privacy", PublicHost));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, install.StatusCode);
        var cookie = install.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SlackInstallEndpoints.StateCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<link rel=\"canonical\" href=\"https://coach.example.org/privacy?lang=en\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"ja\" href=\"https://coach.example.org/privacy?lang=ja\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheSetting_AClientsForwardedHeaders_ChangeNeitherTheCookieNorTheLinks()
    {
        await using var app = SlackOAuthHost(behindProxy: false);
        using var client = NoRedirects(app);

        using var install = await client.SendAsync(Forwarded("/slack/install", "evil.example"));
        var html = await (await client.SendAsync(Forwarded("/privacy", "evil.example"))).Content.ReadAsStringAsync();

        var cookie = install.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SlackInstallEndpoints.StateCookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"http://{client.BaseAddress!.Authority}/privacy?lang=en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindTheProxy_AForwardedHostNotAllowed_DoesNotReachTheLinks()
    {
        await using var app = SlackOAuthHost(behindProxy: true);
        var client = app.CreateClient();

        var html = await (await client.SendAsync(Forwarded("/terms", "evil.example"))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.Contains($"/terms?lang=en\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "ForwardedHeaders:AllowedHosts is empty while ForwardedHeaders:Enabled is true")]
    [InlineData("https://coach.example.org", "ForwardedHeaders:AllowedHosts has 'https://coach.example.org', which is not a host name")]
    [InlineData("coach.example.org:443", "which is not a host name")]
    public void Enabled_WithoutAUsableHostList_RefusesToStart_WithTheFix(string? hosts, string message)
    {
        using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:AllowedHosts"] = hosts,
        }, overHttp: false);

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
