using System.Net;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Tests.Auth;
using CoachBot.Teams.Tests.Connector;
using CoachBot.Testing;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// Issue #13: when the Entra token endpoint is unreachable, MSAL throws a plain network error. The turn is already
/// stored and ledgered by then, and Teams' retry would be dropped as a duplicate: the request must still answer 200
/// and the reply must reach the user once the endpoint is back.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsReplyRetryTests : IAsyncLifetime, IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly AzuriteFixture _azurite;
    private readonly TestTokenIssuer _issuer = new();
    private readonly RecordingConnectorHandler _connector = new();
    private readonly RecoveringTokenProvider _tokens = new();
    private TeamsHost _host = null!;

    public TeamsReplyRetryTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        await _issuer.InitializeAsync();
        _host = await TeamsHost.StartRealLookingAsync(
            _azurite, _issuer, _connector, _tokens, new Dictionary<string, string?> { ["Teams:ReplyRetryInterval"] = "00:00:00.200" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    public void Dispose() => _connector.Dispose();

    [Fact]
    public async Task PostActivity_TokenEndpointUnreachable_Answers200_AndTheReplyArrivesOnceItIsBack()
    {
        var token = _issuer.Sign(TestTokenIssuer.BotFrameworkSpec(TimeProvider.System.GetUtcNow()) with { ServiceUrl = ServiceUrl });

        var response = await _host.PostAsync(TeamsActivities.Message(new Uri(ServiceUrl), "29:during-outage", "help", id: "act-outage-1"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_tokens.FailedCalls > 0);
        Assert.Empty(_connector.Requests);

        _tokens.ComeBack();

        var reply = await _connector.WaitForHostAsync("smba.trafficmanager.net", TimeSpan.FromSeconds(30));
        Assert.EndsWith("/activities/act-outage-1", reply.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("Bearer " + RecoveringTokenProvider.Token, reply.Authorization);
    }

    /// <summary>The real MSAL provider against a closed loopback port until <see cref="ComeBack"/>; then a token.</summary>
    private sealed class RecoveringTokenProvider : ITeamsAccessTokenProvider
    {
        public const string Token = "token-after-the-outage";

        private readonly MsalTeamsAccessTokenProvider _unreachable = new(Options.Create(new TeamsOptions
        {
            AppId = TestTokenIssuer.AppId,
            AppPassword = "not-a-real-secret",
            TenantId = TeamsActivities.Tenant,
            TokenAuthority = ClosedPort.UnreachableAuthority(),
        }));

        private volatile bool _back;
        private int _failedCalls;

        public int FailedCalls => Volatile.Read(ref _failedCalls);

        public void ComeBack() => _back = true;

        public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
        {
            if (_back)
            {
                return Token;
            }

            Interlocked.Increment(ref _failedCalls);
            return await _unreachable.GetTokenAsync(cancellationToken);
        }
    }
}
