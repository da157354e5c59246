using CoachBot.Testing;

namespace CoachBot.Scheduler.Tests;

/// <summary>The scheduler's Azurite tests share one instance per assembly and keep apart through table prefixes.</summary>
[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteTestGroup : ICollectionFixture<AzuriteFixture>;
