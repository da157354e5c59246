using System.Collections.Concurrent;
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
        _clock.Advance(TimeSpan.FromSeconds(7));
        await cache.GetAsync(user, None);
        inner.Verify(s => s.GetAsync(user, It.IsAny<CancellationToken>()), Times.Once());

        _clock.Advance(TimeSpan.FromSeconds(4));
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

    [Fact]
    public async Task ConcurrentMisses_ShareOneStorageRead()
    {
        var inner = new GatedStore();
        var cache = new CachingUserStore(inner, _clock, Lifetime);
        var user = TestUsers.New();

        var reads = Enumerable.Range(0, 20).Select(_ => cache.GetAsync(user, None)).ToList();
        inner.Release(new UserProfile { User = user, Language = "ja" });

        Assert.All(await Task.WhenAll(reads), p => Assert.Equal("ja", p!.Language));
        Assert.Equal(1, inner.Reads);
    }

    [Fact]
    public async Task ReadInTheLastQuarterOfTheLifetime_IsServedAtOnce_AndRefreshedInTheBackground()
    {
        var inner = new GatedStore();
        var cache = new CachingUserStore(inner, _clock, Lifetime);
        var user = TestUsers.New();
        var first = cache.GetAsync(user, None);
        inner.Release(new UserProfile { User = user, Language = "en" });
        await first;

        _clock.Advance(TimeSpan.FromSeconds(8));
        var served = await cache.GetAsync(user, None);

        // Served from memory while storage has not answered the refresh yet.
        Assert.Equal("en", served!.Language);
        Assert.Equal(2, inner.Reads);
        inner.Release(new UserProfile { User = user, Language = "ja" });

        // Reads while the refresh lands join it or see its result; none asks storage again.
        Assert.True(await Eventually.HoldsAsync(() => cache.GetAsync(user, None).Result!.Language == "ja", TimeSpan.FromSeconds(10)));
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("ja", (await cache.GetAsync(user, None))!.Language);
        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public async Task SaveWhileAReadIsInFlight_IsNotOverwrittenByTheOlderProfile()
    {
        var inner = new GatedStore();
        var cache = new CachingUserStore(inner, _clock, Lifetime);
        var user = TestUsers.New();
        var read = cache.GetAsync(user, None);

        await cache.SaveAsync(new UserProfile { User = user, Language = "ja" }, None);
        inner.Release(new UserProfile { User = user, Language = "en" });

        Assert.Equal("ja", (await read)!.Language);
        Assert.Equal("ja", (await cache.GetAsync(user, None))!.Language);
        Assert.Equal(1, inner.Reads);
    }

    [Fact]
    public async Task DeleteWhileAReadIsInFlight_DoesNotBringTheProfileBack()
    {
        var inner = new GatedStore();
        var cache = new CachingUserStore(inner, _clock, Lifetime);
        var user = TestUsers.New();
        var read = cache.GetAsync(user, None);

        await cache.DeleteAsync(user, None);
        inner.Release(new UserProfile { User = user });
        await read;

        Assert.Null(await cache.GetAsync(user, None));
    }

    [Fact]
    public async Task OneCallerGivingUp_DoesNotCancelTheReadOthersWaitFor()
    {
        var inner = new GatedStore();
        var cache = new CachingUserStore(inner, _clock, Lifetime);
        var user = TestUsers.New();
        using var impatient = new CancellationTokenSource();
        var gaveUp = cache.GetAsync(user, impatient.Token);
        var waiting = cache.GetAsync(user, None);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        inner.Release(new UserProfile { User = user, Language = "ja" });

        Assert.Equal("ja", (await waiting)!.Language);
        Assert.Equal(1, inner.Reads);
    }

    [Fact]
    public async Task FailedSave_TheNextReadAsksStorageAgain_InsteadOfJoiningAnOlderRead()
    {
        var inner = new GatedStore { FailSaves = true };
        var cache = new CachingUserStore(inner, _clock, Lifetime);
        var user = TestUsers.New();
        var older = cache.GetAsync(user, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => cache.SaveAsync(new UserProfile { User = user }, None));
        var fresh = cache.GetAsync(user, None);

        Assert.Equal(2, inner.Reads);
        inner.Release(new UserProfile { User = user, Language = "ja" });
        await Task.WhenAll(older, fresh);
    }

    protected override async Task<IUserStore> CreateStoreAsync() =>
        new CachingUserStore(new AzureTablesUserStore(await _azurite.CreateTablesAsync()), _clock, Lifetime);

    /// <summary>A store whose reads wait until the test releases them; saves and deletes answer at once.</summary>
    private sealed class GatedStore : IUserStore
    {
        private readonly ConcurrentQueue<TaskCompletionSource<UserProfile?>> _pending = new();
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        /// <summary>Saves fail as a version conflict, as when another replica saved first.</summary>
        public bool FailSaves { get; init; }

        public Task<UserProfile?> GetAsync(UserRef user, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            var read = new TaskCompletionSource<UserProfile?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending.Enqueue(read);
            return read.Task;
        }

        public Task<UserProfile> SaveAsync(UserProfile profile, CancellationToken cancellationToken) =>
            FailSaves ? Task.FromException<UserProfile>(new ConcurrencyConflictException("changed meanwhile")) : Task.FromResult(profile);

        public Task DeleteAsync(UserRef user, CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>Answers every read waiting now with <paramref name="profile"/>.</summary>
        public void Release(UserProfile? profile)
        {
            while (_pending.TryDequeue(out var read))
            {
                read.SetResult(profile);
            }
        }
    }
}
