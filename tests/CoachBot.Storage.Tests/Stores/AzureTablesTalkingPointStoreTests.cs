using CoachBot.Core.OneOnOnes;
using CoachBot.Storage.OneOnOnes;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesTalkingPointStoreTests : TalkingPointStoreContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesTalkingPointStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<ITalkingPointStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesTalkingPointStore(tables);
    }
}
