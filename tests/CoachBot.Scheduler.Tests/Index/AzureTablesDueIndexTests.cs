using CoachBot.Core.Scheduling;
using CoachBot.Storage.Scheduling;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Scheduler.Tests.Index;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesDueIndexTests : DueIndexContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesDueIndexTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IDueIndex> CreateIndexAsync() => new AzureTablesDueIndex(await _azurite.CreateTablesAsync());
}
