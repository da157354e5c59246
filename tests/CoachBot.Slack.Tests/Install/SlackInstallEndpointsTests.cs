using System.Net;
using CoachBot.Slack.Install;
using CoachBot.Testing.Fakes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoachBot.Slack.Tests.Install;

public sealed class SlackInstallEndpointsTests : IAsyncLifetime
{
    private InstallTestApp _app = null!;

    public async Task InitializeAsync() => _app = await InstallTestApp.StartAsync(new InMemoryInstallationStore());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Install_redirects_to_Slack_with_client_id_scope_redirect_uri_and_state_and_sets_the_browser_cookie()
    {
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync(new Uri("/slack/install", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("https://slack.example.test/oauth/v2/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("1234.5678", query["client_id"]);
        Assert.Equal(new SlackOptions().Scopes, query["scope"]);
        Assert.Equal(InstallTestApp.RedirectUri.ToString(), query["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.DoesNotContain(InstallTestApp.ClientSecret, location.ToString(), StringComparison.Ordinal);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(SlackInstallEndpoints.StateCookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/slack", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Each_install_gets_a_new_state()
    {
        using var browser = _app.NewBrowser();

        Assert.NotEqual(await InstallTestApp.StartInstallAsync(browser), await InstallTestApp.StartInstallAsync(browser));
    }

    [Fact]
    public async Task A_good_callback_stores_the_installation_with_an_encrypted_token_and_says_what_to_do_next()
    {
        using var browser = _app.NewBrowser();
        var state = await InstallTestApp.StartInstallAsync(browser);

        using var response = await browser.GetAsync(InstallTestApp.Callback(InstallTestApp.GoodCode, state));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Messages tab", page, StringComparison.Ordinal);
        Assert.Contains("type help", page, StringComparison.Ordinal);
        var row = await _app.Store.GetAsync(SlackTeam.Channel, "T0001", CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal("E0001", row.EnterpriseId);
        Assert.Equal(_app.Clock.GetUtcNow(), row.InstalledAt);
        Assert.StartsWith("v1:", row.BotToken, StringComparison.Ordinal);
        Assert.NotEqual(InstallTestApp.BotToken, row.BotToken);
        var tokens = _app.Services.GetRequiredService<CoachBot.Slack.Api.ISlackTokenSource>();
        Assert.Equal(InstallTestApp.BotToken, await tokens.GetBotTokenAsync(new SlackTeam("T0001", "E0001"), CancellationToken.None));
        _app.OAuth.Verify(o => o.AccessAsync(InstallTestApp.GoodCode, InstallTestApp.RedirectUri, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("installation saved for T0001", StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(InstallTestApp.GoodCode, StringComparison.Ordinal)
            || l.Contains("plaintextsecret", StringComparison.Ordinal) || l.Contains(state, StringComparison.Ordinal));
        var cleared = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_state_from_another_browser_is_refused_and_nothing_is_stored()
    {
        using var first = _app.NewBrowser();
        using var other = _app.NewBrowser();
        var state = await InstallTestApp.StartInstallAsync(first);

        using var response = await other.GetAsync(InstallTestApp.Callback(InstallTestApp.GoodCode, state));

        await AssertRefusedAsync(response);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("another browser", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_state_is_refused_and_nothing_is_stored()
    {
        using var browser = _app.NewBrowser();
        var state = await InstallTestApp.StartInstallAsync(browser);
        _app.Clock.Advance(TimeSpan.FromMinutes(10));

        using var response = await browser.GetAsync(InstallTestApp.Callback(InstallTestApp.GoodCode, state));

        await AssertRefusedAsync(response);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_state_still_valid_just_before_it_expires_is_accepted()
    {
        using var browser = _app.NewBrowser();
        var state = await InstallTestApp.StartInstallAsync(browser);
        _app.Clock.Advance(TimeSpan.FromMinutes(9));

        using var response = await browser.GetAsync(InstallTestApp.Callback(InstallTestApp.GoodCode, state));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("altered")]
    [InlineData("garbage")]
    [InlineData("missing")]
    public async Task A_bad_or_missing_state_is_refused_and_nothing_is_stored(string kind)
    {
        using var browser = _app.NewBrowser();
        var state = await InstallTestApp.StartInstallAsync(browser);
        var sent = kind switch
        {
            "altered" => (state[5] == 'A' ? "B" : "A") is var c ? state[..5] + c + state[6..] : state,
            "garbage" => "%%%not-a-state",
            _ => null,
        };

        using var response = await browser.GetAsync(InstallTestApp.Callback(InstallTestApp.GoodCode, sent));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task A_callback_without_a_code_is_refused()
    {
        using var browser = _app.NewBrowser();
        var state = await InstallTestApp.StartInstallAsync(browser);

        using var response = await browser.GetAsync(InstallTestApp.Callback(null, state));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task Access_denied_shows_a_polite_page_and_stores_nothing()
    {
        using var browser = _app.NewBrowser();
        var state = await InstallTestApp.StartInstallAsync(browser);

        using var response = await browser.GetAsync(InstallTestApp.Callback(null, state, "access_denied"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("No problem", page, StringComparison.Ordinal);
        Assert.Contains("/slack/install", page, StringComparison.Ordinal);
        Assert.Null(await _app.Store.GetAsync(SlackTeam.Channel, "T0001", CancellationToken.None));
        _app.OAuth.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Another_error_from_Slack_is_shown_HTML_encoded()
    {
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync(InstallTestApp.Callback(null, null, "<script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        _app.OAuth.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_code_Slack_refuses_gives_a_start_again_page_and_stores_nothing()
    {
        using var browser = _app.NewBrowser();
        var state = await InstallTestApp.StartInstallAsync(browser);

        using var response = await browser.GetAsync(InstallTestApp.Callback(InstallTestApp.BadCode, state));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_code", page, StringComparison.Ordinal);
        Assert.Contains("start again from /slack/install", page, StringComparison.Ordinal);
        Assert.Null(await _app.Store.GetAsync(SlackTeam.Channel, "T0001", CancellationToken.None));
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(InstallTestApp.BadCode, StringComparison.Ordinal));
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("start again from /slack/install", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.Null(await _app.Store.GetAsync(SlackTeam.Channel, "T0001", CancellationToken.None));
        _app.OAuth.VerifyNoOtherCalls();
    }
}
