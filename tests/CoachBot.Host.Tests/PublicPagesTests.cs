using System.Net;
using CoachBot.Testing;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

/// <summary>
/// <c>GET /privacy</c>, <c>/terms</c> and <c>/support</c> over real HTTP, outside local mode too (the Teams manifest's
/// privacyUrl and termsOfUseUrl point here): both languages, chosen by <c>?lang=</c> or Accept-Language, the configured
/// grace period, operator and contact, every configured value encoded, and the headers that forbid script.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class PublicPagesTests
{
    private readonly AzuriteFixture _azurite;

    public PublicPagesTests(AzuriteFixture azurite) => _azurite = azurite;

    private static Dictionary<string, string?> Production(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Local:Enabled"] = "false",
            ["Slack:SigningSecret"] = "privacy-page-signing-secret-01",
            ["Slack:BotToken"] = "xoxb-1-privacy",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task PrivacyPage_GraceDaysSet_ShowsTheConfiguredDaysOutsideLocalMode()
    {
        await using var app = new CoachBotApp(_azurite, settings: Production(("Privacy:UninstallGraceDays", "45")));
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
        Assert.Contains("1-on-1s", html, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("/privacy", "CoachBot privacy", "CoachBot のプライバシー")]
    [InlineData("/terms", "CoachBot terms of use", "CoachBot の利用規約")]
    [InlineData("/support", "CoachBot support", "CoachBot のサポート")]
    public async Task EveryPage_IsServedInEnglishAndJapanese_ByQueryOrAcceptLanguage(string path, string english, string japanese)
    {
        await using var app = new CoachBotApp(_azurite, settings: Production());
        var client = app.CreateClient();

        var plain = await client.GetAsync(path);
        var byQuery = await client.GetStringAsync(path + "?lang=ja");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("fr-FR, ja-JP;q=0.8, en;q=0.5");
        using var byHeader = await client.SendAsync(request);
        using var overridden = new HttpRequestMessage(HttpMethod.Get, path + "?lang=en");
        overridden.Headers.AcceptLanguage.ParseAdd("ja");
        var english2 = await (await client.SendAsync(overridden)).Content.ReadAsStringAsync();

        var plainHtml = await plain.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Contains($"<h1>{english}</h1>", plainHtml, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", plainHtml, StringComparison.Ordinal);
        Assert.Contains($"<h1>{japanese}</h1>", byQuery, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ja\">", byQuery, StringComparison.Ordinal);
        Assert.Contains($"<h1>{japanese}</h1>", await byHeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["ja"], byHeader.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", byHeader.Headers.Vary);
        Assert.Contains($"<h1>{english}</h1>", english2, StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", plain.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", plain.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script", plainHtml + byQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AcceptLanguage_PrefersEnglish_WhenEnglishRanksFirst_AndFallsBackToEnglish()
    {
        await using var app = new CoachBotApp(_azurite, settings: Production());
        var client = app.CreateClient();

        using var englishFirst = new HttpRequestMessage(HttpMethod.Get, "/terms");
        englishFirst.Headers.AcceptLanguage.ParseAdd("en-GB, ja;q=0.9");
        using var neither = new HttpRequestMessage(HttpMethod.Get, "/terms?lang=de");
        neither.Headers.AcceptLanguage.ParseAdd("de");

        Assert.Contains("<html lang=\"en\">", await (await client.SendAsync(englishFirst)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", await (await client.SendAsync(neither)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportPage_ContactSet_LinksTheOperator_InBothLanguages()
    {
        await using var app = new CoachBotApp(_azurite, settings: Production(
            ("Support:Contact", "mailto:it-help@example.com"), ("Support:OperatorName", "Example Corp"), ("Privacy:UninstallGraceDays", "14")));
        var client = app.CreateClient();

        var english = await client.GetStringAsync("/support");
        var japanese = await client.GetStringAsync("/support?lang=ja");
        var terms = await client.GetStringAsync("/terms?lang=ja");
        var privacy = await client.GetStringAsync("/privacy");

        Assert.Contains("<a href=\"mailto:it-help@example.com\">it-help@example.com</a>", english, StringComparison.Ordinal);
        Assert.Contains("Example Corp", english, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:it-help@example.com\">it-help@example.com</a>", japanese, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", english, StringComparison.Ordinal);
        Assert.Contains("14日", terms, StringComparison.Ordinal);
        Assert.Contains("利用の一部であり、それらのツール", terms, StringComparison.Ordinal);
        Assert.Contains("<strong>Example Corp</strong>, the organisation that runs CoachBot", privacy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportPage_NoContact_SendsUsersToTheirAdmin()
    {
        await using var app = new CoachBotApp(_azurite, settings: Production());
        var client = app.CreateClient();

        var english = await client.GetStringAsync("/support");
        var japanese = await client.GetStringAsync("/support?lang=ja");

        Assert.Contains("ask your Slack workspace or Microsoft Teams admin", english, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", english, StringComparison.Ordinal);
        Assert.Contains("管理者にお問い合わせください", japanese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorNameAndContact_AreEncoded_SoASettingCannotInjectMarkup()
    {
        await using var app = new CoachBotApp(_azurite, settings: Production(
            ("Support:OperatorName", "<script>alert(1)</script> & \"Co\""),
            ("Support:Contact", "https://help.example.com/a?b=1&c=\"><script>")));
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/support") + await client.GetStringAsync("/terms") + await client.GetStringAsync("/privacy?lang=ja");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"><", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://help.example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("help.example.com")]
    [InlineData("mailto:it-help@example.com?subject=x")]
    [InlineData("https://user:pw@help.example.com")]
    public void Contact_NotHttpsOrMailto_RefusesToStart_WithTheFix(string contact)
    {
        using var app = new CoachBotApp(_azurite, settings: Production(("Support:Contact", contact)), overHttp: false);

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Support:Contact must be an https:// address", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", ex.Message, StringComparison.Ordinal);
    }
}
