using CoachBot.Core.Reflections;
using CoachBot.Storage.Reflections;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesReflectionStoreTests : ReflectionStoreContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesReflectionStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IReflectionStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesReflectionStore(tables);
    }
}
