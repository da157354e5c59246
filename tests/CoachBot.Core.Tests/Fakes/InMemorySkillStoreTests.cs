using CoachBot.Core.Skills;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;

namespace CoachBot.Core.Tests.Fakes;

/// <summary>Proves the fake honours the same contract as the Azure Tables store.</summary>
public sealed class InMemorySkillStoreTests : SkillStoreContract
{
    protected override Task<ISkillStore> CreateStoreAsync() => Task.FromResult<ISkillStore>(new InMemorySkillStore());
}
