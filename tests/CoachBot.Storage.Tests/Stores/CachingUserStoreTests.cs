using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using CoachBot.Storage.Users;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoachBot.Storage.Tests.Stores;

/// <summary>The cache keeps the store's contract, and two replicas with their own caches never lose a write.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class CachingUserStoreTests : UserStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly AzuriteFixture _azurite;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public CachingUserStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task ReadsWithinTheLifetime_AskStorageOnce_IncludingNotFound()
    {
        var inner = new Mock<IUserStore>();
        var user = TestUsers.New();
        inner.Setup(s => s.GetAsync(user, It.IsAny<CancellationToken>())).ReturnsAsync((UserProfile?)null);
        var cache = new CachingUserStore(inner.Object, _clock, Lifetime);

        await cache.GetAsync(user, None);
        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        await cache.GetAsync(user, None);
        inner.Verify(s => s.GetAsync(user, It.IsAny<CancellationToken>()), Times.Once());

        _clock.Advance(TimeSpan.FromSeconds(2));
        await cache.GetAsync(user, None);
        inner.Verify(s => s.GetAsync(user, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task TwoReplicas_AStaleWriteFails_ThenTheRetryReadsTheOtherReplicasChange()
    {
        var tables = await _azurite.CreateTablesAsync();
        var replicaA = new CachingUserStore(new AzureTablesUserStore(tables), _clock, Lifetime);
        var replicaB = new CachingUserStore(new AzureTablesUserStore(tables), _clock, Lifetime);
        var user = TestUsers.New();
        var created = await replicaA.SaveAsync(new UserProfile { User = user, TimeZoneId = "UTC" }, None);

        var seenByB = await replicaB.GetAsync(user, None);
        await replicaB.SaveAsync(seenByB! with { TimeZoneId = "Asia/Tokyo" }, None);

        var staleOnA = await replicaA.GetAsync(user, None);
        Assert.Equal(created.Version, staleOnA!.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => replicaA.SaveAsync(staleOnA with { Language = "ja" }, None));

        var fresh = await replicaA.GetAsync(user, None);
        Assert.Equal("Asia/Tokyo", fresh!.TimeZoneId);
        var merged = await replicaA.SaveAsync(fresh with { Language = "ja" }, None);
        Assert.Equal(("Asia/Tokyo", "ja"), (merged.TimeZoneId, merged.Language));
    }

    [Fact]
    public async Task Delete_ForgetsTheCachedProfile()
    {
        var cache = new CachingUserStore(new AzureTablesUserStore(await _azurite.CreateTablesAsync()), _clock, Lifetime);
        var user = TestUsers.New();
        await cache.SaveAsync(new UserProfile { User = user }, None);

        await cache.DeleteAsync(user, None);

        Assert.Null(await cache.GetAsync(user, None));
    }

    protected override async Task<IUserStore> CreateStoreAsync() =>
        new CachingUserStore(new AzureTablesUserStore(await _azurite.CreateTablesAsync()), _clock, Lifetime);
}
