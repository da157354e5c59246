using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Storage;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IOneOnOneStore"/> must do. Inherit it and supply a fresh, empty store.</summary>
public abstract class OneOnOneStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new store that shares nothing with the stores of other tests.</summary>
    protected abstract Task<IOneOnOneStore> CreateStoreAsync();

    [Fact]
    public async Task SavePairingAsync_New_IsFoundFromEitherSideAndRoundTrips()
    {
        var store = await CreateStoreAsync();
        var pairing = NewPairing() with { ShareRecentPractice = true, AcceptedAt = Noon };

        var saved = await store.SavePairingAsync(pairing, None);

        Assert.NotNull(saved.Version);
        Assert.Equal(saved, Assert.Single(await store.ListPairingsAsync(pairing.Manager, None)));
        Assert.Equal(saved, Assert.Single(await store.ListPairingsAsync(pairing.Report, None)));
        Assert.Equal(saved, await store.GetPairingAsync(pairing.Id, None));
    }

    [Fact]
    public async Task ListPairingsAsync_Stranger_ReturnsEmpty()
    {
        var store = await CreateStoreAsync();
        await store.SavePairingAsync(NewPairing(), None);

        Assert.Empty(await store.ListPairingsAsync(TestUsers.New(), None));
    }

    [Fact]
    public async Task SavePairingAsync_StaleVersion_ThrowsConflictAndKeepsTheNewer()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SavePairingAsync(NewPairing(), None);
        var newer = await store.SavePairingAsync(saved with { State = PairingState.Active }, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SavePairingAsync(saved with { State = PairingState.Ended }, None));

        Assert.Equal(newer, await store.GetPairingAsync(saved.Id, None));
    }

    [Fact]
    public async Task SavePairingAsync_InsertTwice_ThrowsConflict()
    {
        var store = await CreateStoreAsync();
        var pairing = NewPairing();
        await store.SavePairingAsync(pairing, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SavePairingAsync(pairing, None));
    }

    [Fact]
    public async Task RemoveParticipantAsync_OneSide_OtherSideStillFindsIt()
    {
        var store = await CreateStoreAsync();
        var pairing = await store.SavePairingAsync(NewPairing(), None);

        await store.RemoveParticipantAsync(pairing.Report, None);
        await store.RemoveParticipantAsync(pairing.Report, None);

        Assert.Empty(await store.ListPairingsAsync(pairing.Report, None));
        Assert.Single(await store.ListPairingsAsync(pairing.Manager, None));
    }

    [Fact]
    public async Task AddNoteAsync_NewAndDuplicate_ListsOnceOldestFirst()
    {
        var store = await CreateStoreAsync();
        var pairing = await store.SavePairingAsync(NewPairing(), None);
        var late = new MeetingNote(pairing.Id, "n2", new DateOnly(2026, 11, 24), pairing.Manager, "プライベート\nprivate", NoteVisibility.Private, Noon.AddHours(1));
        var early = new MeetingNote(pairing.Id, "n1", new DateOnly(2026, 11, 24), pairing.Report, "shared", NoteVisibility.Shared, Noon);

        Assert.True(await store.AddNoteAsync(late, None));
        Assert.True(await store.AddNoteAsync(early, None));
        Assert.False(await store.AddNoteAsync(early with { Text = "again" }, None));

        Assert.Equal([early, late], await store.ListNotesAsync(pairing.Id, None));
        await store.DeleteNoteAsync(pairing.Id, "n2", None);
        Assert.Equal([early], await store.ListNotesAsync(pairing.Id, None));
    }

    [Fact]
    public async Task ActionItems_AddUpdateDelete_KeepNumbersUniqueAndVersionsChecked()
    {
        var store = await CreateStoreAsync();
        var pairing = await store.SavePairingAsync(NewPairing(), None);
        var item = new ActionItem(pairing.Id, 1, "Write the plan", pairing.Report, new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 24), Noon);

        Assert.True(await store.AddActionItemAsync(item, None));
        Assert.False(await store.AddActionItemAsync(item with { Text = "other" }, None));
        var read = Assert.Single(await store.ListActionItemsAsync(pairing.Id, None));
        Assert.Equal(item with { Version = read.Version }, read);

        var done = await store.UpdateActionItemAsync(read with { DoneAt = Noon.AddDays(2) }, None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.UpdateActionItemAsync(read with { Text = "stale" }, None));
        Assert.Equal(done, Assert.Single(await store.ListActionItemsAsync(pairing.Id, None)));

        await store.DeleteActionItemAsync(pairing.Id, 1, None);
        Assert.Empty(await store.ListActionItemsAsync(pairing.Id, None));
    }

    [Fact]
    public async Task AddActionItemAsync_WrittenForTheOtherPerson_KeepsTheAuthor()
    {
        var store = await CreateStoreAsync();
        var pairing = await store.SavePairingAsync(NewPairing(), None);
        var item = new ActionItem(pairing.Id, 1, "Book the room", pairing.Report, null, new DateOnly(2026, 11, 24), Noon) { Author = pairing.Manager };

        await store.AddActionItemAsync(item, None);

        Assert.Equal(pairing.Manager, Assert.Single(await store.ListActionItemsAsync(pairing.Id, None)).Author);
    }

    [Fact]
    public async Task RecordQuestionsAsync_SameMeetingTwice_KeepsTheFirstInOrder()
    {
        var store = await CreateStoreAsync();
        var pairing = await store.SavePairingAsync(NewPairing(), None);
        var day = new DateOnly(2026, 12, 1);
        AskedQuestion[] first = [new(pairing.Id, "career.energy", day, 0), new(pairing.Id, "feedback.for-me", day, 1)];

        await store.RecordQuestionsAsync(first, None);
        await store.RecordQuestionsAsync([new(pairing.Id, "career.energy", day, 5)], None);
        await store.RecordQuestionsAsync([new(pairing.Id, "growth.x", day.AddDays(-7), 0)], None);

        Assert.Equal([new(pairing.Id, "growth.x", day.AddDays(-7), 0), .. first], await store.ListQuestionsAsync(pairing.Id, None));
    }

    [Fact]
    public async Task Notes_OtherPairing_AreNeverListed()
    {
        var store = await CreateStoreAsync();
        var mine = await store.SavePairingAsync(NewPairing(), None);
        var other = await store.SavePairingAsync(NewPairing(), None);
        await store.AddNoteAsync(new MeetingNote(other.Id, "n1", new DateOnly(2026, 11, 24), other.Manager, "x", NoteVisibility.Shared, Noon), None);

        Assert.Empty(await store.ListNotesAsync(mine.Id, None));
        Assert.Empty(await store.ListActionItemsAsync(mine.Id, None));
    }

    [Fact]
    public async Task MarkHeldAsync_SameMeetingTwice_IsListedOnceAndOnlyForItsPairing()
    {
        var store = await CreateStoreAsync();
        var pairing = await store.SavePairingAsync(NewPairing(), None);
        var other = await store.SavePairingAsync(NewPairing(), None);

        await store.MarkHeldAsync(pairing.Id, new DateOnly(2026, 12, 8), None);
        await store.MarkHeldAsync(pairing.Id, new DateOnly(2026, 12, 1), None);
        await store.MarkHeldAsync(pairing.Id, new DateOnly(2026, 12, 8), None);

        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 8)], await store.ListHeldAsync(pairing.Id, None));
        Assert.Empty(await store.ListHeldAsync(other.Id, None));
    }

    private static Pairing NewPairing()
    {
        var manager = TestUsers.New();
        var report = manager with { UserId = "R" + Guid.NewGuid().ToString("N")[..8] };
        return new Pairing(
            Guid.NewGuid().ToString("N"), manager, report, Cadence.Biweekly, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Asia/Tokyo",
            new DateOnly(2026, 12, 1), PairingState.Proposed)
        { CreatedAt = Noon, UpdatedAt = Noon };
    }
}
