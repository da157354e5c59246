using CoachBot.Core.Scheduling;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;

namespace CoachBot.Scheduler.Tests.Index;

public sealed class InMemoryDueIndexTests : DueIndexContract
{
    protected override Task<IDueIndex> CreateIndexAsync() => Task.FromResult<IDueIndex>(new InMemoryDueIndex());
}
