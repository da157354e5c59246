using CoachBot.Core.Habits;
using CoachBot.Storage.Habits;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesProgressStoreTests : ProgressStoreContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesProgressStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IProgressStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesProgressStore(tables);
    }
}
