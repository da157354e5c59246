namespace CoachBot.Testing.Contracts;

// CompleteAsync: the dispatcher's move on from a claimed (or just read) row, in one step and without the pointer.
public abstract partial class DueIndexContract
{
    [Fact]
    public async Task CompleteAsync_ClaimedRow_MovesRowAndPointerToTheNextOccurrence()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        await index.MoveAsync(null, key, At(Nine, "2026-03-02"), "fp", None);
        var claimed = await index.TryClaimAsync(Assert.Single(await AllDueAsync(index, Nine, Nine)), "r1", Nine.AddMinutes(2), None);
        var tomorrow = At(Nine.AddDays(1), "2026-03-03");

        Assert.True(await index.CompleteAsync(claimed!, tomorrow, "fp2", None));

        var row = Assert.Single(await AllDueAsync(index, Nine.AddDays(-1), Nine.AddDays(2)));
        Assert.Equal(tomorrow, row.Occurrence);
        Assert.Null(row.ClaimedBy);
        var pointer = await index.GetAsync(key, None);
        Assert.Equal(tomorrow, pointer?.Next);
        Assert.Equal("fp2", pointer?.Fingerprint);
        Assert.Single(await index.ListAsync(key.Owner, None));
    }

    [Fact]
    public async Task CompleteAsync_RowReadButNeverClaimed_MovesOnWithTheVersionItWasReadWith()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        await index.MoveAsync(null, key, At(Nine, "a"), "fp", None);
        var read = Assert.Single(await AllDueAsync(index, Nine, Nine));

        Assert.True(await index.CompleteAsync(read, null, "stopped", None));

        Assert.Empty(await AllDueAsync(index, Nine.AddDays(-1), Nine.AddDays(2)));
        Assert.Null((await index.GetAsync(key, None))?.Next);
    }

    [Fact]
    public async Task CompleteAsync_ScheduleMovedBySettingsChangeAfterTheClaim_ReturnsFalseAndKeepsTheirMove()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        var first = await index.MoveAsync(null, key, At(Nine, "a"), "fp", None);
        var claimed = await index.TryClaimAsync(Assert.Single(await AllDueAsync(index, Nine, Nine)), "r1", Nine.AddMinutes(2), None);
        var theirs = At(Nine.AddHours(1), "a-at-ten");
        await index.MoveAsync(first, key, theirs, "fp-ten", None);

        Assert.False(await index.CompleteAsync(claimed!, At(Nine.AddDays(1), "b"), "fp", None));

        var row = Assert.Single(await AllDueAsync(index, Nine.AddDays(-1), Nine.AddDays(2)));
        Assert.Equal(theirs, row.Occurrence);
        Assert.Equal(theirs, (await index.GetAsync(key, None))?.Next);
    }

    [Fact]
    public async Task CompleteAsync_OwnerForgottenAfterTheClaim_ReturnsFalseAndWritesNothingAboutThem()
    {
        var index = await CreateIndexAsync();
        var key = NewKey();
        await index.MoveAsync(null, key, At(Nine, "a"), "fp", None);
        var claimed = await index.TryClaimAsync(Assert.Single(await AllDueAsync(index, Nine, Nine)), "r1", Nine.AddMinutes(2), None);
        await index.DeleteOwnerAsync(key.Owner, None);

        Assert.False(await index.CompleteAsync(claimed!, At(Nine.AddDays(1), "b"), "fp", None));

        Assert.Empty(await AllDueAsync(index, Nine.AddDays(-1), Nine.AddDays(2)));
        Assert.Null(await index.GetAsync(key, None));
        Assert.Empty(await index.ListAsync(key.Owner, None));
    }
}
