using CoachBot.Core.Delivery;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;

namespace CoachBot.Core.Tests.Fakes;

/// <summary>Proves the fake honours the same contract as the Azure Tables store.</summary>
public sealed class InMemoryDeliveryLedgerTests : DeliveryLedgerContract
{
    protected override Task<IDeliveryLedger> CreateLedgerAsync() => Task.FromResult<IDeliveryLedger>(new InMemoryDeliveryLedger());
}
