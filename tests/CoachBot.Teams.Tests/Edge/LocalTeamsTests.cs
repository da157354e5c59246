using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Teams.Tests.FakeConnector;
using CoachBot.Testing;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// What the Teams edge tests on the anonymous local endpoint share: a fake Bot Connector and the real host with a public
/// base URL (so chart and export links are absolute), started before each test and stopped after it, and a way to send
/// an activity and wait for the reply it causes.
/// </summary>
public abstract class LocalTeamsTests : IAsyncLifetime
{
    private protected const string PublicBase = "https://coach.example.test";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly AzuriteFixture _azurite;

    private protected LocalTeamsTests(AzuriteFixture azurite) => _azurite = azurite;

    private protected FakeConnector.FakeConnector Connector { get; private set; } = null!;

    private protected TeamsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeConnector.FakeConnector.StartAsync();
        Host = await TeamsHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Charts:PublicBaseUrl"] = PublicBase });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }

    /// <summary>Sends <paramref name="text"/> from <paramref name="user"/> and returns the reply to it.</summary>
    private protected Task<ConnectorRequest> SayAsync(string user, string text) =>
        SendAsync(TeamsActivities.Message(Connector.ServiceUrl, user, text));

    /// <summary>Posts <paramref name="activity"/>, expects 200, and returns the connector call that replied to it.</summary>
    private protected async Task<ConnectorRequest> SendAsync(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = (string)activity["id"]!;
        using var response = await Host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Connector.WaitForAsync(r => r.ActivityId == id, Wait);
    }

    /// <summary>The Adaptive Cards attached to a reply.</summary>
    private protected static IEnumerable<JsonObject> Cards(ConnectorRequest request) =>
        (request.Body?["attachments"] as JsonArray ?? []).OfType<JsonObject>().Select(a => a["content"]).OfType<JsonObject>();
}
