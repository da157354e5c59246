using CoachBot.Core.Skills;
using CoachBot.Storage.Skills;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesSkillStoreTests : SkillStoreContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesSkillStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<ISkillStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesSkillStore(tables);
    }
}
