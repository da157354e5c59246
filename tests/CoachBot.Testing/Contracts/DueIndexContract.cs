using CoachBot.Core.Scheduling;
using CoachBot.Core.Storage;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IDueIndex"/> must do. Inherit it and supply a fresh, empty index.</summary>
public abstract partial class DueIndexContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A new index that shares nothing with the indexes of other tests.</summary>
    protected abstract Task<IDueIndex> CreateIndexAsync();

    [Fact]
    public async Task GetAsync_NeverScheduled_ReturnsNull()
    {
        var index = await CreateIndexAsync();

        Assert.Null(await index.GetAsync(NewKey(), None));
        Assert.Empty(await index.ListAsync(NewKey().Owner, None));
    }

    [Fact]
    public async Task MoveAsync_FirstTime_SavesPointerAndDueRow()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        var occurrence = At(Nine, "2026-03-02");

        var saved = await index.MoveAsync(null, key, occurrence, "fp1", None);

        Assert.NotNull(saved.Version);
        var read = await index.GetAsync(key, None);
        Assert.NotNull(read);
        Assert.Equal(occurrence, read.Next);
        Assert.Equal("fp1", read.Fingerprint);
        Assert.Equal(saved.Version, read.Version);
        var row = Assert.Single(await AllDueAsync(index, Nine, Nine));
        Assert.Equal(key, row.Key);
        Assert.Equal(occurrence, row.Occurrence);
        Assert.Null(row.ClaimedBy);
        Assert.Equal(0, row.Attempts);
    }

    [Fact]
    public async Task MoveAsync_ToNextOccurrence_DeletesOldRowAndKeepsNew()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        var first = await index.MoveAsync(null, key, At(Nine, "2026-03-02"), "fp", None);
        var tomorrow = At(Nine.AddDays(1), "2026-03-03");

        var moved = await index.MoveAsync(first, key, tomorrow, "fp", None);

        Assert.Equal(tomorrow, moved.Next);
        Assert.NotEqual(first.Version, moved.Version);
        var row = Assert.Single(await AllDueAsync(index, Nine.AddDays(-1), Nine.AddDays(2)));
        Assert.Equal(tomorrow, row.Occurrence);
    }

    [Fact]
    public async Task MoveAsync_StaleVersion_ThrowsTakesBackItsNextRowAndKeepsTheWinners()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        var first = await index.MoveAsync(null, key, At(Nine, "2026-03-02"), "fp", None);
        await index.MoveAsync(first, key, At(Nine.AddHours(1), "2026-03-02b"), "fp2", None);
        var tomorrow = At(Nine.AddDays(1), "2026-03-03");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => index.MoveAsync(first, key, tomorrow, "fp", None));

        // The loser's next row was nobody's once the pointer's condition failed, so it is gone; the winner's stays.
        var rows = await AllDueAsync(index, Nine.AddDays(-1), Nine.AddDays(2));
        Assert.DoesNotContain(rows, r => r.Occurrence == tomorrow);
        Assert.Contains(rows, r => r.Occurrence.Id == "2026-03-02b");
        Assert.Equal("2026-03-02b", (await index.GetAsync(key, None))?.Next?.Id);
    }

    [Fact]
    public async Task MoveAsync_OwnerDeletedMeanwhile_ThrowsAndLeavesNoRowOfTheOwner()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        var first = await index.MoveAsync(null, key, At(Nine, "2026-03-02"), "fp", None);
        await index.DeleteOwnerAsync(key.Owner, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => index.MoveAsync(first, key, At(Nine.AddDays(1), "2026-03-03"), "fp", None));

        Assert.Empty(await AllDueAsync(index, Nine.AddDays(-1), Nine.AddDays(2)));
        Assert.Empty(await index.ListAsync(key.Owner, None));
    }

    [Fact]
    public async Task MoveAsync_InsertWhenAlreadyScheduled_ThrowsConcurrencyConflict()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        await index.MoveAsync(null, key, At(Nine, "a"), "fp", None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => index.MoveAsync(null, key, At(Nine.AddDays(1), "b"), "fp", None));
    }

    [Fact]
    public async Task MoveAsync_ToNothing_RemovesRowAndKeepsPointer()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        var first = await index.MoveAsync(null, key, At(Nine, "a"), "fp", None);

        await index.MoveAsync(first, key, null, "stopped", None);

        var pointer = await index.GetAsync(key, None);
        Assert.NotNull(pointer);
        Assert.Null(pointer.Next);
        Assert.Equal("stopped", pointer.Fingerprint);
        Assert.Empty(await AllDueAsync(index, Nine, Nine));
    }

    [Fact]
    public async Task MoveAsync_SameOccurrenceNewFingerprint_KeepsRowAndItsClaim()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        var occurrence = At(Nine, "a");
        var first = await index.MoveAsync(null, key, occurrence, "fp", None);
        var claimed = await index.TryClaimAsync(Assert.Single(await AllDueAsync(index, Nine, Nine)), "r1", Nine.AddMinutes(2), None);

        await index.MoveAsync(first, key, occurrence, "fp2", None);

        var row = Assert.Single(await AllDueAsync(index, Nine, Nine));
        Assert.Equal("r1", row.ClaimedBy);
        Assert.Equal(claimed?.Version, row.Version);
        Assert.Equal("fp2", (await index.GetAsync(key, None))?.Fingerprint);
    }

    [Fact]
    public async Task MoveAsync_WithinTheSameMinute_LeavesOneRowWithTheNewOccurrence()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        var first = await index.MoveAsync(null, key, At(Nine, "a"), "fp", None);

        await index.MoveAsync(first, key, At(Nine.AddSeconds(30), "b"), "fp", None);

        var row = Assert.Single(await AllDueAsync(index, Nine, Nine));
        Assert.Equal("b", row.Occurrence.Id);
    }

    [Fact]
    public async Task ListAsync_SeveralSchedules_ReturnsOnlyThatOwners()
    {
        var index = await CreateIndexAsync();
        var owner = NewKey().Owner;
        await index.MoveAsync(null, new ScheduleKey(owner, "nudge"), At(Nine, "a"), "fp", None);
        await index.MoveAsync(null, new ScheduleKey(owner, "reading"), null, "fp", None);
        await index.MoveAsync(null, NewKey(), At(Nine, "a"), "fp", None);

        var pointers = await index.ListAsync(owner, None);

        Assert.Equal(["nudge", "reading"], pointers.Select(p => p.Key.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeleteOwnerAsync_RemovesPointersAndTheirRowsOnly()
    {
        var index = await CreateIndexAsync();
        var owner = NewKey().Owner;
        var other = NewKey();
        await index.MoveAsync(null, new ScheduleKey(owner, "nudge"), At(Nine, "a"), "fp", None);
        await index.MoveAsync(null, new ScheduleKey(owner, "reading"), At(Nine.AddHours(1), "w"), "fp", None);
        await index.MoveAsync(null, other, At(Nine, "a"), "fp", None);

        await index.DeleteOwnerAsync(owner, None);

        Assert.Empty(await index.ListAsync(owner, None));
        Assert.Null(await index.GetAsync(new ScheduleKey(owner, "nudge"), None));
        var row = Assert.Single(await AllDueAsync(index, Nine, Nine.AddHours(2)));
        Assert.Equal(other, row.Key);
        Assert.NotNull(await index.GetAsync(other, None));
    }

    [Fact]
    public async Task DeleteOwnerAsync_UnknownOwner_DoesNothing()
    {
        var index = await CreateIndexAsync();

        await index.DeleteOwnerAsync(NewKey().Owner, None);
    }

    [Fact]
    public async Task FindDueAsync_Range_IsInclusiveByWholeMinuteAndOldestFirst()
    {
        var index = await CreateIndexAsync();
        var owner = NewKey().Owner;
        var before = Nine.AddSeconds(-1);
        var firstSecond = Nine;
        var lastSecond = Nine.AddMinutes(2).AddSeconds(59);
        var after = Nine.AddMinutes(3);
        await index.MoveAsync(null, new ScheduleKey(owner, "d"), At(after, "after"), "fp", None);
        await index.MoveAsync(null, new ScheduleKey(owner, "c"), At(lastSecond, "last"), "fp", None);
        await index.MoveAsync(null, new ScheduleKey(owner, "a"), At(before, "before"), "fp", None);
        await index.MoveAsync(null, new ScheduleKey(owner, "b"), At(firstSecond, "first"), "fp", None);

        // From part-way through 09:00 to part-way through 09:02: both minutes are read whole.
        var rows = await AllDueAsync(index, Nine.AddSeconds(30), Nine.AddMinutes(2).AddSeconds(10));

        Assert.Equal(["first", "last"], rows.Select(r => r.Occurrence.Id));
    }

    [Fact]
    public async Task FindDueAsync_OneShard_ReturnsAtMostMaxOldestFirst()
    {
        var index = await CreateIndexAsync();
        var owner = NewKey().Owner;
        for (var i = 0; i < 40; i++)
        {
            await index.MoveAsync(null, new ScheduleKey(owner, "s" + i), At(Nine.AddMinutes(40 - i), "o" + i), "fp", None);
        }

        for (var shard = 0; shard < index.ShardCount; shard++)
        {
            var all = await index.FindDueAsync(shard, Nine, Nine.AddHours(1), 1000, None);
            var firstTwo = await index.FindDueAsync(shard, Nine, Nine.AddHours(1), 2, None);

            Assert.Equal(all.Select(r => r.Occurrence.DueAt).Order(), all.Select(r => r.Occurrence.DueAt));
            Assert.Equal(all.Take(2).Select(r => r.Key), firstTwo.Select(r => r.Key));
        }
    }

    [Fact]
    public async Task TryClaimAsync_FreshRow_SetsClaimAttemptAndToken()
    {
        var index = await CreateIndexAsync();
        await index.MoveAsync(null, NewKey(), At(Nine, "a"), "fp", None);
        var row = Assert.Single(await AllDueAsync(index, Nine, Nine));

        var claimed = await index.TryClaimAsync(row, "replica-1", Nine.AddMinutes(2), None);

        Assert.NotNull(claimed);
        Assert.Equal("replica-1", claimed.ClaimedBy);
        Assert.Equal(1, claimed.Attempts);
        Assert.False(string.IsNullOrEmpty(claimed.DeliveryToken));
        Assert.NotEqual(row.Version, claimed.Version);
        var read = Assert.Single(await AllDueAsync(index, Nine, Nine));
        Assert.Equal("replica-1", read.ClaimedBy);
        Assert.Equal(Nine.AddMinutes(2), read.ClaimedUntil);
        Assert.Equal(claimed.DeliveryToken, read.DeliveryToken);
        Assert.True(read.IsHeldAt(Nine.AddMinutes(1)));
        Assert.False(read.IsHeldAt(Nine.AddMinutes(2)));
    }

    [Fact]
    public async Task TryClaimAsync_20ClaimersAtOnce_ExactlyOneWins()
    {
        var index = await CreateIndexAsync();
        await index.MoveAsync(null, NewKey(), At(Nine, "a"), "fp", None);
        var row = Assert.Single(await AllDueAsync(index, Nine, Nine));
        using var start = new ManualResetEventSlim();

        var claims = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await index.TryClaimAsync(row, "replica-" + i, Nine.AddMinutes(2), None);
            }))
            .ToList();
        start.Set();
        var results = await Task.WhenAll(claims);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.ClaimedBy, Assert.Single(await AllDueAsync(index, Nine, Nine)).ClaimedBy);
    }

    [Fact]
    public async Task TryClaimAsync_HeldRowWithTheVersionReadBeforeTheClaim_ReturnsNull()
    {
        var index = await CreateIndexAsync();
        await index.MoveAsync(null, NewKey(), At(Nine, "a"), "fp", None);
        var row = Assert.Single(await AllDueAsync(index, Nine, Nine));
        await index.TryClaimAsync(row, "replica-1", Nine.AddMinutes(2), None);

        Assert.Null(await index.TryClaimAsync(row, "replica-2", Nine.AddMinutes(2), None));
        Assert.Equal("replica-1", Assert.Single(await AllDueAsync(index, Nine, Nine)).ClaimedBy);
    }

    [Fact]
    public async Task TryClaimAsync_ExpiredClaimTakenOver_KeepsTokenAndCountsAttempts()
    {
        var index = await CreateIndexAsync();
        await index.MoveAsync(null, NewKey(), At(Nine, "a"), "fp", None);
        var first = await index.TryClaimAsync(Assert.Single(await AllDueAsync(index, Nine, Nine)), "replica-1", Nine.AddMinutes(2), None);
        var reread = Assert.Single(await AllDueAsync(index, Nine, Nine));

        var second = await index.TryClaimAsync(reread, "replica-2", Nine.AddMinutes(5), None);

        Assert.NotNull(second);
        Assert.Equal("replica-2", second.ClaimedBy);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(first?.DeliveryToken, second.DeliveryToken);
    }

    [Fact]
    public async Task TryClaimAsync_RowGone_ReturnsNull()
    {
        var index = await CreateIndexAsync();
        await index.MoveAsync(null, NewKey(), At(Nine, "a"), "fp", None);
        var row = Assert.Single(await AllDueAsync(index, Nine, Nine));
        await index.DeleteAsync(row, None);

        Assert.Null(await index.TryClaimAsync(row, "replica-1", Nine.AddMinutes(2), None));
    }

    [Fact]
    public async Task TryUpdateAsync_CurrentVersion_SavesClaimFields()
    {
        var index = await CreateIndexAsync();
        await index.MoveAsync(null, NewKey(), At(Nine, "a"), "fp", None);
        var claimed = await index.TryClaimAsync(Assert.Single(await AllDueAsync(index, Nine, Nine)), "replica-1", Nine.AddMinutes(2), None);

        var released = await index.TryUpdateAsync(claimed! with { LastAttemptFailed = true, ClaimedUntil = Nine.AddMinutes(7) }, None);

        Assert.NotNull(released);
        Assert.NotEqual(claimed.Version, released.Version);
        var read = Assert.Single(await AllDueAsync(index, Nine, Nine));
        Assert.True(read.LastAttemptFailed);
        Assert.Equal(Nine.AddMinutes(7), read.ClaimedUntil);
        Assert.Equal(claimed.DeliveryToken, read.DeliveryToken);
        Assert.Equal(1, read.Attempts);
        Assert.Equal(released.Version, read.Version);
    }

    [Fact]
    public async Task TryUpdateAsync_StaleVersion_ReturnsNullAndChangesNothing()
    {
        var index = await CreateIndexAsync();
        await index.MoveAsync(null, NewKey(), At(Nine, "a"), "fp", None);
        var row = Assert.Single(await AllDueAsync(index, Nine, Nine));
        await index.TryClaimAsync(row, "replica-1", Nine.AddMinutes(2), None);

        Assert.Null(await index.TryUpdateAsync(row with { LastAttemptFailed = true }, None));
        Assert.False(Assert.Single(await AllDueAsync(index, Nine, Nine)).LastAttemptFailed);
    }

    [Fact]
    public async Task TryUpdateAsync_RowNeverRead_Throws()
    {
        var index = await CreateIndexAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => index.TryUpdateAsync(new DueItem(NewKey(), At(Nine, "a")), None));
    }

    [Fact]
    public async Task DeleteAsync_RowAlreadyGone_IsNotAnError()
    {
        var index = await CreateIndexAsync();
        await index.MoveAsync(null, NewKey(), At(Nine, "a"), "fp", None);
        var row = Assert.Single(await AllDueAsync(index, Nine, Nine));

        await index.DeleteAsync(row, None);
        await index.DeleteAsync(row, None);

        Assert.Empty(await AllDueAsync(index, Nine, Nine));
    }

    [Fact]
    public async Task GetCursorAsync_NeverAdvanced_ReturnsNull()
    {
        var index = await CreateIndexAsync();

        Assert.Null(await index.GetCursorAsync(0, None));
    }

    [Fact]
    public async Task AdvanceCursorAsync_BackwardsAfterForwards_KeepsTheLaterMinute()
    {
        var index = await CreateIndexAsync();

        await index.AdvanceCursorAsync(1, Nine, None);
        await index.AdvanceCursorAsync(1, Nine.AddMinutes(5), None);
        await index.AdvanceCursorAsync(1, Nine.AddMinutes(2), None);

        Assert.Equal(Nine.AddMinutes(5), await index.GetCursorAsync(1, None));
        Assert.Null(await index.GetCursorAsync(0, None));
    }
}
