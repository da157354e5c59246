using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Core.Tests.Installations;

/// <summary>
/// The edges' cache of uninstall marks: activity clears a mark, an activity sent before the uninstall does not, and
/// with nothing marked no request reads storage (docs/decisions/0021-uninstall-grace-period.md).
/// </summary>
public sealed class UninstallMarksTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly UserRef Alice = new("msteams", "tenant-1", "29:alice");

    [Fact]
    public async Task NoteActivity_NothingMarked_ReadsTheMarksOncePerRefreshWindowAndNoRowPerRequest()
    {
        var store = new InMemoryPendingUninstallStore();
        var clock = new FakeTimeProvider(Day0);
        using var marks = new UninstallMarks(store, clock, NullLogger<UninstallMarks>.Instance);

        for (var i = 0; i < 100; i++)
        {
            await marks.NoteActivityAsync(Alice with { UserId = "29:u" + i }, null, None);
            clock.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(1, store.ListReads);
        Assert.Equal(0, store.RowReads);

        clock.SetUtcNow(Day0 + UninstallMarks.RefreshEvery);
        await marks.NoteActivityAsync(Alice, null, None);

        Assert.Equal(2, store.ListReads);
        Assert.Equal(0, store.RowReads);
    }

    [Fact]
    public async Task NoteActivity_TenantAndPersonalMarks_ClearsBoth()
    {
        var store = new InMemoryPendingUninstallStore();
        using var marks = new UninstallMarks(store, new FakeTimeProvider(Day0), NullLogger<UninstallMarks>.Instance);
        await marks.MarkAsync(new PendingUninstall(Alice.Channel, Alice.TenantId, Day0), None);
        await marks.MarkAsync(PendingUninstall.ForUser(Alice, Day0), None);

        var cleared = await marks.NoteActivityAsync(Alice, null, None);

        Assert.Equal(2, cleared);
        Assert.Null(await store.GetAsync(Alice.Channel, Alice.TenantId, None));
        Assert.Null(await store.GetUserAsync(Alice, None));
    }

    [Fact]
    public async Task NoteActivity_SentBeforeTheUninstall_KeepsTheMark()
    {
        var store = new InMemoryPendingUninstallStore();
        using var marks = new UninstallMarks(store, new FakeTimeProvider(Day0.AddMinutes(5)), NullLogger<UninstallMarks>.Instance);
        await marks.MarkAsync(new PendingUninstall(Alice.Channel, Alice.TenantId, Day0), None);

        var late = await marks.NoteActivityAsync(Alice, Day0.AddSeconds(-30), None);
        var atTheSameSecond = await marks.NoteActivityAsync(Alice, Day0, None);

        Assert.Equal(0, late + atTheSameSecond);
        Assert.NotNull(await store.GetAsync(Alice.Channel, Alice.TenantId, None));

        Assert.Equal(1, await marks.NoteActivityAsync(Alice, Day0.AddSeconds(1), None));
        Assert.Null(await store.GetAsync(Alice.Channel, Alice.TenantId, None));
    }

    [Fact]
    public async Task NoteActivity_OtherUserOfTheTenant_ClearsTheTenantMarkButNotSomeonesPersonalMark()
    {
        var store = new InMemoryPendingUninstallStore();
        using var marks = new UninstallMarks(store, new FakeTimeProvider(Day0), NullLogger<UninstallMarks>.Instance);
        await marks.MarkAsync(PendingUninstall.ForUser(Alice, Day0), None);

        var cleared = await marks.NoteActivityAsync(Alice with { UserId = "29:bob" }, null, None);

        Assert.Equal(0, cleared);
        Assert.NotNull(await store.GetUserAsync(Alice, None));
    }

    [Fact]
    public async Task Mark_MadeOnAnotherReplica_IsSeenAfterTheRefreshWindow()
    {
        var store = new InMemoryPendingUninstallStore();
        var clock = new FakeTimeProvider(Day0);
        using var marks = new UninstallMarks(store, clock, NullLogger<UninstallMarks>.Instance);
        await marks.NoteActivityAsync(Alice, null, None);
        await store.MarkAsync(new PendingUninstall(Alice.Channel, Alice.TenantId, Day0), None);

        clock.Advance(UninstallMarks.RefreshEvery);
        var cleared = await marks.NoteActivityAsync(Alice, null, None);

        Assert.Equal(1, cleared);
        Assert.Null(await store.GetAsync(Alice.Channel, Alice.TenantId, None));
    }
}
