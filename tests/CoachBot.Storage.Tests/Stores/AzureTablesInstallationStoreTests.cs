using CoachBot.Core.Installations;
using CoachBot.Storage.Installations;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesInstallationStoreTests : InstallationStoreContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesInstallationStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IInstallationStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesInstallationStore(tables);
    }
}
