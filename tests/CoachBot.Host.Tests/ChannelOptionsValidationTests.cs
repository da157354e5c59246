using CoachBot.Testing;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

/// <summary>The Slack and Teams settings are validated at start like every other section: named, with the fix, no secret echoed.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ChannelOptionsValidationTests
{
    private const string SlackSecret = "8f14e45fceea167a5a36dedd4bea2543";

    private readonly AzuriteFixture _azurite;

    public ChannelOptionsValidationTests(AzuriteFixture azurite) => _azurite = azurite;

    [Theory]
    [InlineData("Slack:BotToken", "pasted-the-signing-secret-here", "Slack:BotToken is not a bot token")]
    [InlineData("Slack:ApiBaseUrl", "http://slack.example.test/api/", "Slack:ApiBaseUrl must be an absolute https URL")]
    [InlineData("Slack:MaxAttempts", "0", "Slack:MaxAttempts 0 is out of range")]
    [InlineData("Slack:Replicas", "0", "Slack:Replicas 0 is out of range; use 1 to 100")]
    public void Start_BadSlackSetting_RefusesNamingItWithoutEchoingSecrets(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Local:Enabled"] = "false", ["Slack:SigningSecret"] = SlackSecret, ["Slack:BotToken"] = "xoxb-1-real", [key] = value,
        };
        using var app = new CoachBotApp(_azurite, settings: settings, overHttp: false);

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackSecret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pasted-the-signing-secret-here", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Teams:AppId", "my-bot", "Teams:AppId is not an app id")]
    [InlineData("Teams:TenantId", "contoso/../common", "Teams:TenantId must be the Entra tenant id")]
    [InlineData("Teams:MaxBodyBytes", "10", "Teams:MaxBodyBytes 10 is out of range")]
    public void Start_BadTeamsSetting_RefusesNamingItWithoutEchoingThePassword(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Local:Enabled"] = "false", ["Teams:AppId"] = "6a1b2c3d-1111-2222-3333-444455556666", ["Teams:AppPassword"] = "s3cret-app-password", [key] = value,
        };
        using var app = new CoachBotApp(_azurite, settings: settings, overHttp: false);

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-app-password", ex.Message, StringComparison.Ordinal);
    }
}
