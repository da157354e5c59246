using CoachBot.Core.Users;
using CoachBot.Storage.Users;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesUserStoreTests : UserStoreContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesUserStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IUserStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesUserStore(tables);
    }
}
