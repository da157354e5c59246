using CoachBot.Core.Users;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;

namespace CoachBot.Core.Tests.Fakes;

/// <summary>Proves the fake honours the same contract as the Azure Tables store.</summary>
public sealed class InMemoryUserStoreTests : UserStoreContract
{
    protected override Task<IUserStore> CreateStoreAsync() => Task.FromResult<IUserStore>(new InMemoryUserStore());
}
