using CoachBot.Core.Delivery;
using CoachBot.Storage.Delivery;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesDeliveryLedgerTests : DeliveryLedgerContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesDeliveryLedgerTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IDeliveryLedger> CreateLedgerAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesDeliveryLedger(tables, TimeProvider.System);
    }
}
