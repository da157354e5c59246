using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Host.Tests;

public sealed class SignedProgressChartLinksTests
{
    private static readonly UserRef Alice = new("msteams", "tenant:1", "29:abc|def/ghi");

    private static (SignedProgressChartLinks Links, FakeTimeProvider Clock) Create(string? key = null, string? baseUrl = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new ChartsOptions { SigningKey = key ?? Convert.ToBase64String(new byte[32]), PublicBaseUrl = baseUrl });
        return (new SignedProgressChartLinks(new ChartSigningKey(options, NullLogger<ChartSigningKey>.Instance), clock, options), clock);
    }

    [Fact]
    public void CreateToken_ReadBack_GivesUserLanguageAndExpiry()
    {
        var (links, clock) = Create();

        var ticket = links.Read(links.CreateToken(Alice, "ja"));

        Assert.Equal(new ChartTicket(Alice, "ja", clock.GetUtcNow() + TimeSpan.FromHours(24)), ticket);
    }

    [Fact]
    public void CreateUrl_HasThePngRouteAndTheConfiguredBase()
    {
        var (links, _) = Create(baseUrl: "https://coach.example.com/");

        var url = links.CreateUrl(Alice, "en");

        Assert.StartsWith("https://coach.example.com/charts/progress/", url, StringComparison.Ordinal);
        Assert.EndsWith(".png", url, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TeamHealthLinkOfTheSameLead_DoesNotOpenTheirProgressChart()
    {
        var (links, clock) = Create();
        var options = Options.Create(new ChartsOptions { SigningKey = Convert.ToBase64String(new byte[32]) });
        var health = new SignedTeamHealthChartLinks(new ChartSigningKey(options, NullLogger<ChartSigningKey>.Instance), clock, options);
        var token = health.CreateToken(Alice, "en", CoachBot.Core.Health.HealthIndicatorIds.All[0]);

        Assert.NotNull(health.Read(token));
        Assert.Null(links.Read(token));
    }

    [Fact]
    public void Read_TamperedPayload_IsRejected()
    {
        var (links, _) = Create();
        var token = links.CreateToken(Alice, "en");
        var other = links.CreateToken(new UserRef("msteams", "tenant:1", "someone-else"), "en");

        var swapped = other.Split('.')[0] + "." + token.Split('.')[1];

        Assert.Null(links.Read(swapped));
    }

    [Fact]
    public void Read_TamperedSignature_IsRejected()
    {
        var (links, _) = Create();
        var token = links.CreateToken(Alice, "en");
        var last = token[^2];
        var tampered = token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];

        Assert.Null(links.Read(tampered));
        Assert.Null(links.Read(token.Split('.')[0]));
        Assert.Null(links.Read("not-a-token"));
    }

    [Fact]
    public void Read_SignedWithAnotherKey_IsRejected()
    {
        var (links, _) = Create();
        var (otherLinks, _) = Create(Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()));

        Assert.Null(links.Read(otherLinks.CreateToken(Alice, "en")));
    }

    [Fact]
    public void Read_After24Hours_IsRejected()
    {
        var (links, clock) = Create();
        var token = links.CreateToken(Alice, "en");

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.NotNull(links.Read(token));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(links.Read(token));
    }

    [Fact]
    public void SigningKey_Unset_IsRandomAndWarnsOnce()
    {
        var logger = new RecordingLogger<ChartSigningKey>();
        var options = Options.Create(new ChartsOptions());

        var first = new ChartSigningKey(options, logger);
        var second = new ChartSigningKey(options, NullLogger<ChartSigningKey>.Instance);

        Assert.NotEqual(first.Bytes, second.Bytes);
        Assert.Contains("Charts:SigningKey", Assert.Single(logger.Records).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "not valid base64")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", "needs at least 32")]
    public void Validator_BadSigningKey_NamesTheSettingAndTheFix(string key, string expected)
    {
        var result = new ChartsOptionsValidator().Validate(null, new ChartsOptions { SigningKey = key });

        Assert.True(result.Failed);
        Assert.Contains("Charts:SigningKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_GoodKeyOrNone_Passes()
    {
        var validator = new ChartsOptionsValidator();

        Assert.True(validator.Validate(null, new ChartsOptions { SigningKey = Convert.ToBase64String(new byte[32]) }).Succeeded);
        Assert.True(validator.Validate(null, new ChartsOptions()).Succeeded);
    }
}
