using System.Net;
using CoachBot.Testing;

namespace CoachBot.Host.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class ReadinessTests
{
    private readonly AzuriteFixture _azurite;

    public ReadinessTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]

    [Trait("Category", "Slow")]
    public async Task StorageDown_Readyz503AndFriendlyReply_ThenRecoversByItself()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("rio");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        await _azurite.StopAsync();
        try
        {
            var down = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            var reply = await client.SendAsync("rio", "today");
            Assert.Contains("can't reach my storage", reply.AllText(), StringComparison.Ordinal);
        }
        finally
        {
            await _azurite.StartAgainAsync();
        }

        // The in-memory Azurite came back empty: the host must re-create its tables and carry on.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var after = await client.SendAsync("rio", "start");
        Assert.Contains("CoachBot", after.AllText(), StringComparison.Ordinal);
    }
}
