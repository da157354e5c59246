using CoachBot.Testing;

namespace CoachBot.Scheduler.Tests.Support;

/// <summary>
/// The multi-process and outage tests: an Azurite of their own (so their load does not slow the other Azurite tests)
/// and no other test running beside them, since they load both cores with several processes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiProcessGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "scheduler-multiprocess";
}
