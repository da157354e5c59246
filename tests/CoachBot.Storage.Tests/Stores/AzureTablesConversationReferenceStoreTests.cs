using CoachBot.Core.Installations;
using CoachBot.Storage.Installations;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesConversationReferenceStoreTests : ConversationReferenceStoreContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesConversationReferenceStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IConversationReferenceStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesConversationReferenceStore(tables);
    }
}
