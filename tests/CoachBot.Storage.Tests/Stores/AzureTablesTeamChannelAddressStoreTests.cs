using CoachBot.Core.Reflections;
using CoachBot.Storage.Reflections;
using CoachBot.Testing;

namespace CoachBot.Storage.Tests.Stores;

/// <summary>Teams channel addresses on Azurite: the latest activity's address wins; each channel reads only its own.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesTeamChannelAddressStoreTests
{
    private static readonly TeamChannel Channel = new("msteams", "tenant-1", "teams-0123456789ab");

    private readonly AzuriteFixture _azurite;

    public AzureTablesTeamChannelAddressStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Save_ThenGet_ReturnsTheLatestAddress_AndNothingForOtherChannels()
    {
        var store = new AzureTablesTeamChannelAddressStore(await _azurite.CreateTablesAsync());
        var seen = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
        await store.SaveAsync(Address("https://smba.trafficmanager.net/emea/", seen), CancellationToken.None);
        await store.SaveAsync(Address("https://smba.trafficmanager.net/amer/", seen.AddDays(1)), CancellationToken.None);

        var read = await store.GetAsync(Channel, CancellationToken.None);

        Assert.Equal(Address("https://smba.trafficmanager.net/amer/", seen.AddDays(1)), read);
        Assert.Null(await store.GetAsync(Channel with { TenantId = "tenant-2" }, CancellationToken.None));
        Assert.Null(await store.GetAsync(Channel with { ConversationId = "teams-ba9876543210" }, CancellationToken.None));
    }

    private static TeamChannelAddress Address(string serviceUrl, DateTimeOffset seen) =>
        new(Channel, serviceUrl, "19:team@thread.tacv2", "19:channel@thread.tacv2", "19:team@thread.tacv2", "28:bot", seen);
}
