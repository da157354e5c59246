using CoachBot.Core.Habits;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;

namespace CoachBot.Core.Tests.Fakes;

/// <summary>Proves the fake honours the same contract as the Azure Tables store.</summary>
public sealed class InMemoryProgressStoreTests : ProgressStoreContract
{
    protected override Task<IProgressStore> CreateStoreAsync() => Task.FromResult<IProgressStore>(new InMemoryProgressStore());
}
