using CoachBot.Core.OneOnOnes;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;

namespace CoachBot.Core.Tests.Fakes;

/// <summary>Proves the fake honours the same contract as the Azure Tables store.</summary>
public sealed class InMemoryOneOnOneStoreTests : OneOnOneStoreContract
{
    protected override Task<IOneOnOneStore> CreateStoreAsync() => Task.FromResult<IOneOnOneStore>(new InMemoryOneOnOneStore());
}
