using CoachBot.Core.Installations;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;

namespace CoachBot.Core.Tests.Fakes;

/// <summary>Proves the fake honours the same contract as the Azure Tables store.</summary>
public sealed class InMemoryPendingUninstallStoreTests : PendingUninstallStoreContract
{
    protected override Task<IPendingUninstallStore> CreateStoreAsync() => Task.FromResult<IPendingUninstallStore>(new InMemoryPendingUninstallStore());
}
