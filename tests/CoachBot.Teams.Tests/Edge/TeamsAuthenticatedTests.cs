using System.Net;
using CoachBot.Core.Users;
using CoachBot.Teams.Tests.Auth;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// With <c>Teams:AppId</c> set, /api/messages takes only activities carrying a valid Bot Framework token (keys and
/// metadata served by the test on loopback); replies then carry the bot's own connector token.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsAuthenticatedTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly TestTokenIssuer _issuer = new();
    private FakeConnector.FakeConnector _connector = null!;
    private TeamsHost _host = null!;

    public TeamsAuthenticatedTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        await _issuer.InitializeAsync();
        _connector = await FakeConnector.FakeConnector.StartAsync();
        _host = await TeamsHost.StartAuthenticatedAsync(_azurite, _issuer);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task ValidToken_IsAnswered_WithTheBotsConnectorToken()
    {
        var token = _issuer.Sign(TestTokenIssuer.BotFrameworkSpec(TimeProvider.System.GetUtcNow()) with { ServiceUrl = _connector.ServiceUrl.ToString() });

        var response = await _host.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, "29:alice", "help", id: "act-auth-1"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.WaitForAsync(r => r.ActivityId == "act-auth-1", TimeSpan.FromSeconds(10));
        Assert.Equal("Bearer connector-token-for-tests", reply.Authorization);
    }

    public static TheoryData<string> BadTokens =>
    [
        "wrong audience", "wrong issuer", "expired", "not yet valid", "unknown kid", "key not endorsed for msteams",
        "serviceurl mismatch", "none algorithm", "HS256",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_Gets401_AndNothingIsStoredOrSent(string problem)
    {
        var now = TimeProvider.System.GetUtcNow();
        var good = TestTokenIssuer.BotFrameworkSpec(now) with { ServiceUrl = _connector.ServiceUrl.ToString() };
        var token = problem switch
        {
            "wrong audience" => _issuer.Sign(good with { Audience = "another-bot" }),
            "wrong issuer" => _issuer.Sign(good with { Issuer = "https://issuer.example.test" }),
            "expired" => _issuer.Sign(good with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-6) }),
            "not yet valid" => _issuer.Sign(good with { NotBefore = now.AddMinutes(6), Expires = now.AddHours(1) }),
            "unknown kid" => _issuer.Sign(good with { KeyId = "rotated" }),
            "key not endorsed for msteams" => _issuer.Sign(good with { KeyId = "webchat-only" }),
            "serviceurl mismatch" => _issuer.Sign(good with { ServiceUrl = "https://smba.example.test/other/" }),
            "none algorithm" => TestTokenIssuer.UnsignedToken(good),
            _ => TestTokenIssuer.SignSymmetric(good),
        };
        var user = "29:" + problem.Replace(' ', '-');

        var response = await _host.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, user, "start"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(_connector.Requests);
        var stored = await _host.Services.GetRequiredService<IUserStore>().GetAsync(new UserRef("msteams", TeamsActivities.Tenant, user), CancellationToken.None);
        Assert.Null(stored);
    }

    [Fact]
    public async Task WrongAudienceOrNoToken_Get401_AndNothingIsSent()
    {
        var wrongAudience = _issuer.Sign(TestTokenIssuer.BotFrameworkSpec(TimeProvider.System.GetUtcNow()) with
        {
            ServiceUrl = _connector.ServiceUrl.ToString(), Audience = "another-bot",
        });

        var refused = await _host.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, "29:alice", "help"), wrongAudience);
        var anonymous = await _host.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, "29:alice", "help"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_connector.Requests);
    }
}
