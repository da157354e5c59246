using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Tests.Auth;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// Issue #13: a host with real-looking settings (app id, tenant, one allowed Entra caller, no loopback allowance) and a
/// test Entra / Bot Framework issuer on loopback. A tenant member's own app registration can get an Entra token for
/// the bot; with it they must not act as a colleague, nor point replies at their own host.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsForgedCallerTests : IAsyncLifetime, IDisposable
{
    private const string MicrosoftServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string AttackerServiceUrl = "https://attacker.example/bot/";
    private const string OtherTenant = "b2c3d4e5-0000-4000-8000-0000000other";

    private readonly AzuriteFixture _azurite;
    private readonly TestTokenIssuer _issuer = new();
    private readonly RecordingConnectorHandler _connector = new();
    private TeamsHost _host = null!;

    public TeamsForgedCallerTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        await _issuer.InitializeAsync();
        var tokens = new Mock<ITeamsAccessTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("connector-token-for-tests");
        _host = await TeamsHost.StartRealLookingAsync(_azurite, _issuer, _connector, tokens.Object);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    public void Dispose() => _connector.Dispose();

    public static TheoryData<string> Forgeries =>
    [
        "entra token from a foreign app", "entra token from a foreign app (v1 appid)", "entra token without serviceurl",
        "entra token from another tenant's tid", "activity of another tenant", "activity naming no tenant",
        "channelData of another tenant", "non-Microsoft serviceUrl (entra)", "non-Microsoft serviceUrl (bot framework)",
        "loopback serviceUrl",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task PostActivity_ForgedCallerOrTarget_Gets401_StoresNothing_AndSendsNothing(string forgery)
    {
        var colleague = "29:colleague-" + forgery.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var (activity, token) = Forge(forgery, colleague);

        var response = await _host.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredOrSentAsync(colleague, activity);
    }

    [Fact]
    public async Task PostActivity_ForgedExportAndForgetMe_LeaveTheColleaguesDataAlone()
    {
        const string colleague = "29:colleague-with-data";
        var genuine = await _host.PostAsync(Message(MicrosoftServiceUrl, colleague, "start"), BotFrameworkToken(MicrosoftServiceUrl));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        var before = await Users.GetAsync(User(colleague), CancellationToken.None);
        Assert.NotNull(before);
        var sentBefore = _connector.Requests.Count;
        var foreign = _issuer.Sign(TestTokenIssuer.EntraSpec(Now, TeamsActivities.Tenant, AttackerServiceUrl, TestTokenIssuer.ForeignCaller));

        var export = await _host.PostAsync(
            TeamsActivities.Execute(new Uri(AttackerServiceUrl), colleague, CommandActions.RunCommand, new JsonObject { ["text"] = "export" }), foreign);
        var forget = await _host.PostAsync(Message(AttackerServiceUrl, colleague, "forget me"), foreign);

        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forget.StatusCode);
        Assert.DoesNotContain("coachbot", await export.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Users.GetAsync(User(colleague), CancellationToken.None));
        Assert.Equal(sentBefore, _connector.Requests.Count);
    }

    [Theory]
    [InlineData("bot framework")]
    [InlineData("entra from the allowed caller")]
    public async Task PostActivity_GenuineToken_IsAnsweredAtTheMicrosoftServiceUrl(string kind)
    {
        var user = "29:genuine-" + kind.Replace(' ', '-');
        var token = kind == "bot framework"
            ? BotFrameworkToken(MicrosoftServiceUrl)
            : _issuer.Sign(TestTokenIssuer.EntraSpec(Now, TeamsActivities.Tenant, MicrosoftServiceUrl));

        var response = await _host.PostAsync(Message(MicrosoftServiceUrl, user, "help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.WaitForHostAsync("smba.trafficmanager.net", TimeSpan.FromSeconds(10));
        Assert.Equal("Bearer connector-token-for-tests", reply.Authorization);
        Assert.NotNull(await References.GetAsync(User(user), CancellationToken.None));
    }

    private (JsonObject Activity, string Token) Forge(string forgery, string colleague)
    {
        var entra = TestTokenIssuer.EntraSpec(Now, TeamsActivities.Tenant, MicrosoftServiceUrl);
        var message = Message(MicrosoftServiceUrl, colleague, "forget me");
        switch (forgery)
        {
            case "entra token from a foreign app":
                return (message, Sign(entra, ("azp", TestTokenIssuer.ForeignCaller)));
            case "entra token from a foreign app (v1 appid)":
                return (message, _issuer.Sign(entra with
                {
                    Issuer = $"https://sts.windows.net/{TeamsActivities.Tenant}/",
                    Claims = new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = TestTokenIssuer.ForeignCaller, ["tid"] = TeamsActivities.Tenant },
                }));
            case "entra token without serviceurl":
                return (message, _issuer.Sign(entra with { ServiceUrl = null }));
            case "entra token from another tenant's tid":
                return (message, Sign(entra, ("tid", OtherTenant)));
            case "activity of another tenant":
                message["conversation"]!["tenantId"] = OtherTenant;
                message["channelData"]!["tenant"]!["id"] = OtherTenant;
                return (message, BotFrameworkToken(MicrosoftServiceUrl));
            case "activity naming no tenant":
                message["conversation"]!.AsObject().Remove("tenantId");
                message.Remove("channelData");
                return (message, BotFrameworkToken(MicrosoftServiceUrl));
            case "channelData of another tenant":
                message["channelData"]!["tenant"]!["id"] = OtherTenant;
                return (message, _issuer.Sign(entra));
            case "non-Microsoft serviceUrl (entra)":
                return (Message(AttackerServiceUrl, colleague, "forget me"), _issuer.Sign(entra with { ServiceUrl = AttackerServiceUrl }));
            case "non-Microsoft serviceUrl (bot framework)":
                return (Message(AttackerServiceUrl, colleague, "forget me"), BotFrameworkToken(AttackerServiceUrl));
            default:
                return (Message("http://127.0.0.1:9/", colleague, "forget me"), BotFrameworkToken("http://127.0.0.1:9/"));
        }
    }

    private string Sign(TokenSpec spec, (string Name, object Value) change)
    {
        var claims = new Dictionary<string, object>(spec.Claims!) { [change.Name] = change.Value };
        return _issuer.Sign(spec with { Claims = claims });
    }

    private async Task AssertNothingStoredOrSentAsync(string colleague, JsonObject activity)
    {
        var stored = (string?)activity["conversation"]?["tenantId"] ?? TeamsActivities.Tenant;
        foreach (var tenant in new[] { TeamsActivities.Tenant, OtherTenant, stored, "default" }.Distinct())
        {
            var user = new UserRef("msteams", tenant, colleague);
            Assert.Null(await Users.GetAsync(user, CancellationToken.None));
            Assert.Null(await References.GetAsync(user, CancellationToken.None));

            // Recording the activity id now succeeds only if the refused request never recorded it.
            Assert.True(await _host.Services.GetRequiredService<IDeliveryLedger>()
                .TryRecordAsync(user, $"msteams:{(string?)activity["id"]}", CancellationToken.None));
        }

        Assert.Empty(_connector.Requests);
    }

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private IUserStore Users => _host.Services.GetRequiredService<IUserStore>();

    private IConversationReferenceStore References => _host.Services.GetRequiredService<IConversationReferenceStore>();

    private static UserRef User(string id) => new("msteams", TeamsActivities.Tenant, id);

    private static JsonObject Message(string serviceUrl, string user, string text) => TeamsActivities.Message(new Uri(serviceUrl), user, text);

    private string BotFrameworkToken(string serviceUrl) =>
        _issuer.Sign(TestTokenIssuer.BotFrameworkSpec(Now) with { ServiceUrl = serviceUrl });
}
