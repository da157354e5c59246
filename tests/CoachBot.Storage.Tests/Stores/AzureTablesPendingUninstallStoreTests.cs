using CoachBot.Core.Installations;
using CoachBot.Storage.Installations;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesPendingUninstallStoreTests : PendingUninstallStoreContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesPendingUninstallStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IPendingUninstallStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesPendingUninstallStore(tables);
    }
}
