using CoachBot.Core.OneOnOnes;
using CoachBot.Storage.OneOnOnes;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesOneOnOneStoreTests : OneOnOneStoreContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesOneOnOneStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IOneOnOneStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesOneOnOneStore(tables);
    }
}
