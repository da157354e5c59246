using CoachBot.Teams.Tests.Auth;
using CoachBot.Testing;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// What the Teams edge tests with real Bot Framework tokens share: a token issuer serving its keys and metadata on
/// loopback, a fake Bot Connector, and the real host checking the issuer's tokens (<see cref="TeamsHost.StartAuthenticatedAsync"/>),
/// started before each test and stopped after it.
/// </summary>
public abstract class AuthenticatedTeamsTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;

    private protected AuthenticatedTeamsTests(AzuriteFixture azurite) => _azurite = azurite;

    private protected TestTokenIssuer Issuer { get; } = new();

    private protected FakeConnector.FakeConnector Connector { get; private set; } = null!;

    private protected TeamsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Issuer.InitializeAsync();
        Connector = await FakeConnector.FakeConnector.StartAsync();
        Host = await TeamsHost.StartAuthenticatedAsync(_azurite, Issuer);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    /// <summary>A Bot Framework token as Teams signs it now, for the fake connector's serviceUrl unless another is named.</summary>
    private protected TokenSpec ConnectorSpec(Uri? serviceUrl = null) =>
        TestTokenIssuer.BotFrameworkSpec(TimeProvider.System.GetUtcNow()) with { ServiceUrl = (serviceUrl ?? Connector.ServiceUrl).ToString() };
}
