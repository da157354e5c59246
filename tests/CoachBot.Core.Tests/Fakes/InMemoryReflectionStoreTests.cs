using CoachBot.Core.Reflections;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;

namespace CoachBot.Core.Tests.Fakes;

/// <summary>Proves the fake honours the same contract as the Azure Tables store.</summary>
public sealed class InMemoryReflectionStoreTests : ReflectionStoreContract
{
    protected override Task<IReflectionStore> CreateStoreAsync() => Task.FromResult<IReflectionStore>(new InMemoryReflectionStore());
}
