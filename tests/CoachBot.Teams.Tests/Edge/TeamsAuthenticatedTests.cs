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
public sealed class TeamsAuthenticatedTests : AuthenticatedTeamsTests
{
    public TeamsAuthenticatedTests(AzuriteFixture azurite)
        : base(azurite)
    {
    }

    [Fact]
    public async Task ValidToken_IsAnswered_WithTheBotsConnectorToken()
    {
        var token = Issuer.Sign(ConnectorSpec());

        var response = await Host.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, "29:alice", "help", id: "act-auth-1"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Connector.WaitForAsync(r => r.ActivityId == "act-auth-1", TimeSpan.FromSeconds(10));
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
        var good = TestTokenIssuer.BotFrameworkSpec(now) with { ServiceUrl = Connector.ServiceUrl.ToString() };
        var token = problem switch
        {
            "wrong audience" => Issuer.Sign(good with { Audience = "another-bot" }),
            "wrong issuer" => Issuer.Sign(good with { Issuer = "https://issuer.example.test" }),
            "expired" => Issuer.Sign(good with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-6) }),
            "not yet valid" => Issuer.Sign(good with { NotBefore = now.AddMinutes(6), Expires = now.AddHours(1) }),
            "unknown kid" => Issuer.Sign(good with { KeyId = "rotated" }),
            "key not endorsed for msteams" => Issuer.Sign(good with { KeyId = "webchat-only" }),
            "serviceurl mismatch" => Issuer.Sign(good with { ServiceUrl = "https://smba.example.test/other/" }),
            "none algorithm" => TestTokenIssuer.UnsignedToken(good),
            _ => TestTokenIssuer.SignSymmetric(good),
        };
        var user = "29:" + problem.Replace(' ', '-');

        var response = await Host.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, user, "start"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(Connector.Requests);
        var stored = await Host.Services.GetRequiredService<IUserStore>().GetAsync(new UserRef("msteams", TeamsActivities.Tenant, user), CancellationToken.None);
        Assert.Null(stored);
    }

    [Fact]
    public async Task WrongAudienceOrNoToken_Get401_AndNothingIsSent()
    {
        var wrongAudience = Issuer.Sign(ConnectorSpec() with { Audience = "another-bot" });

        var refused = await Host.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, "29:alice", "help"), wrongAudience);
        var anonymous = await Host.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, "29:alice", "help"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await Task.Delay(300);
        Assert.Empty(Connector.Requests);
    }
}
