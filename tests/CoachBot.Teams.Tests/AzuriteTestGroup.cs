using CoachBot.Testing;

namespace CoachBot.Teams.Tests;

/// <summary>
/// Every test that talks to Azurite shares one in-memory instance (cheap on a 2-core CI runner). Classes in one
/// collection run one after another, so a test may stop and restart it; tests keep apart through table prefixes.
/// </summary>
[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteTestGroup : ICollectionFixture<AzuriteFixture>;
