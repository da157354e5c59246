using System.Globalization;
using CoachBot.Core.Habits;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IProgressStore"/> must do. Inherit it and supply a fresh, empty store.</summary>
public abstract class ProgressStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = new(2025, 6, 10);
    private static readonly DateTimeOffset Noon = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new store that shares nothing with the stores of other tests.</summary>
    protected abstract Task<IProgressStore> CreateStoreAsync();

    [Fact]
    public async Task AddAsync_NewEntryWithEveryField_ReturnsTrueAndRoundTrips()
    {
        var store = await CreateStoreAsync();
        var entry = new PracticeEntry(
            TestUsers.New(), "msg-1", Day, "one-on-ones", "ask-one-open-question", "部下の話を最後まで聞いた。Listened to the end.",
            new DateTimeOffset(2025, 6, 10, 18, 30, 15, TimeSpan.FromHours(9)).AddTicks(1234567));

        var added = await store.AddAsync(entry, None);
        var listed = await store.ListAsync(entry.User, Day, Day, None);

        Assert.True(added);
        AssertSame(entry, Assert.Single(listed));
    }

    [Fact]
    public async Task AddAsync_EntryWithoutStepOrNote_RoundTripsNulls()
    {
        var store = await CreateStoreAsync();
        var entry = new PracticeEntry(TestUsers.New(), "msg-1", Day, "delegation", null, null, Noon);

        await store.AddAsync(entry, None);

        var listed = Assert.Single(await store.ListAsync(entry.User, Day, Day, None));
        AssertSame(entry, listed);
        Assert.Null(listed.StepId);
        Assert.Null(listed.Note);
    }

    [Fact]
    public async Task AddAsync_SameIdTwice_ReturnsFalseAndKeepsFirst()
    {
        var store = await CreateStoreAsync();
        var first = Entry(TestUsers.New(), "msg-1", Day, note: "first");
        await store.AddAsync(first, None);

        var added = await store.AddAsync(first with { Note = "second", ActionId = "feedback" }, None);

        Assert.False(added);
        AssertSame(first, Assert.Single(await store.ListAsync(first.User, Day, Day, None)));
    }

    [Fact]
    public async Task AddAsync_SameIdOnAnotherDate_ReturnsFalseAndRecordsNothing()
    {
        var store = await CreateStoreAsync();
        var first = Entry(TestUsers.New(), "msg-1", Day);
        await store.AddAsync(first, None);

        var added = await store.AddAsync(first with { LocalDate = Day.AddDays(1) }, None);

        Assert.False(added);
        AssertSame(first, Assert.Single(await store.ListAsync(first.User, Day.AddDays(-7), Day.AddDays(7), None)));
    }

    [Fact]
    public async Task AddAsync_SameIdForAnotherUser_ReturnsTrue()
    {
        var store = await CreateStoreAsync();
        var first = Entry(TestUsers.New(), "msg-1", Day);
        var other = first with { User = TestUsers.New() };
        await store.AddAsync(first, None);

        Assert.True(await store.AddAsync(other, None));
        AssertSame(other, Assert.Single(await store.ListAsync(other.User, Day, Day, None)));
    }

    [Fact]
    public async Task ListAsync_Range_IncludesBothEndsOnly()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        foreach (var offset in new[] { -1, 0, 3, 5, 6 })
        {
            await store.AddAsync(Entry(user, $"d{offset}", Day.AddDays(offset)), None);
        }

        var listed = await store.ListAsync(user, Day, Day.AddDays(5), None);

        Assert.Equal(["d0", "d3", "d5"], listed.Select(e => e.Id));
    }

    [Fact]
    public async Task ListAsync_EntriesAddedOutOfOrder_ReturnsOldestFirst()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        await store.AddAsync(Entry(user, "z-late", Day.AddDays(2)), None);
        await store.AddAsync(Entry(user, "a-afternoon", Day, recordedAt: Noon.AddHours(3)), None);
        await store.AddAsync(Entry(user, "m-morning", Day, recordedAt: Noon.AddHours(-3)), None);
        await store.AddAsync(Entry(user, "b-early", Day.AddDays(-30)), None);

        var listed = await store.ListAsync(user, Day.AddDays(-30), Day.AddDays(2), None);

        Assert.Equal(["b-early", "m-morning", "a-afternoon", "z-late"], listed.Select(e => e.Id));
    }

    [Fact]
    public async Task ListAsync_FromAfterTo_ReturnsEmpty()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        await store.AddAsync(Entry(user, "msg-1", Day), None);

        Assert.Empty(await store.ListAsync(user, Day.AddDays(1), Day.AddDays(-1), None));
    }

    [Fact]
    public async Task ListAsync_OtherUsersEntries_AreNeverReturned()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New("U1");
        var sameTenant = user with { UserId = "U10" };
        var otherTenant = user with { TenantId = user.TenantId + "0" };
        await store.AddAsync(Entry(user, "mine", Day), None);
        await store.AddAsync(Entry(sameTenant, "theirs-1", Day), None);
        await store.AddAsync(Entry(otherTenant, "theirs-2", Day), None);

        var listed = await store.ListAsync(user, DateOnly.MinValue, DateOnly.MaxValue, None);

        Assert.Equal("mine", Assert.Single(listed).Id);
    }

    [Fact]
    public async Task ListAsync_MoreEntriesThanOnePage_ReturnsEveryEntry()
    {
        // Table Storage returns at most 1000 entities per page; the store must follow continuation tokens.
        const int count = 1100;
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        var entries = Enumerable.Range(0, count)
            .Select(i => Entry(user, i.ToString("D5", CultureInfo.InvariantCulture), Day.AddDays(i % 40), recordedAt: Noon.AddMinutes(i)))
            .ToList();
        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (entry, token) => Assert.True(await store.AddAsync(entry, token)));

        var listed = await store.ListAsync(user, Day, Day.AddDays(39), None);

        Assert.Equal(count, listed.Count);
        Assert.Equal(entries.Select(e => e.Id).Order(StringComparer.Ordinal), listed.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(listed.OrderBy(e => e.LocalDate).ThenBy(e => e.RecordedAt).Select(e => e.Id), listed.Select(e => e.Id));
    }

    [Fact]
    public async Task DeleteAllAsync_User_RemovesOnlyThatUsersEntries()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        var other = user with { UserId = user.UserId + "0" };
        for (var i = 0; i < 120; i++)
        {
            await store.AddAsync(Entry(user, $"m{i}", Day.AddDays(i % 3)), None);
        }

        await store.AddAsync(Entry(other, "m0", Day), None);

        await store.DeleteAllAsync(user, None);

        Assert.Empty(await store.ListAsync(user, DateOnly.MinValue, DateOnly.MaxValue, None));
        Assert.Single(await store.ListAsync(other, DateOnly.MinValue, DateOnly.MaxValue, None));
    }

    [Fact]
    public async Task DeleteAllAsync_ThenAddSameId_ReturnsTrue()
    {
        var store = await CreateStoreAsync();
        var entry = Entry(TestUsers.New(), "msg-1", Day);
        await store.AddAsync(entry, None);

        await store.DeleteAllAsync(entry.User, None);

        Assert.True(await store.AddAsync(entry, None));
    }

    [Fact]
    public async Task DeleteAllAsync_UserWithoutEntries_DoesNotThrow()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();

        await store.DeleteAllAsync(user, None);

        Assert.Empty(await store.ListAsync(user, DateOnly.MinValue, DateOnly.MaxValue, None));
    }

    [Theory]
    [InlineData("1712345678.000100/#?\\")]
    [InlineData("29:1AbC;messageid=1712345678")]
    [InlineData("%2F")]
    [InlineData("入力\u0001")]
    public async Task AddAsync_IdsWithReservedCharacters_RoundTripAndStayUnique(string id)
    {
        var store = await CreateStoreAsync();
        var entry = Entry(TestUsers.New("U/#?\\:;"), id, Day);

        Assert.True(await store.AddAsync(entry, None));
        Assert.False(await store.AddAsync(entry, None));

        AssertSame(entry, Assert.Single(await store.ListAsync(entry.User, Day, Day, None)));
    }

    [Fact]
    public async Task AddAsync_LongIdsAndUserIdSharingAPrefix_StayApart()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New(TestUsers.LongText(1500));
        var prefix = TestUsers.LongText(1400);
        var first = Entry(user, prefix + new string('a', 100), Day);
        var second = Entry(user, prefix + new string('b', 100), Day);

        Assert.True(await store.AddAsync(first, None));
        Assert.True(await store.AddAsync(second, None));
        Assert.False(await store.AddAsync(first, None));

        var listed = await store.ListAsync(user, Day, Day, None);
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, e => e.Id == first.Id);
        Assert.Contains(listed, e => e.Id == second.Id);
        Assert.All(listed, e => Assert.Equal(user, e.User));
    }

    private static PracticeEntry Entry(UserRef user, string id, DateOnly date, string? note = null, DateTimeOffset? recordedAt = null) =>
        new(user, id, date, "one-on-ones", "step-1", note, recordedAt ?? Noon);

    private static void AssertSame(PracticeEntry expected, PracticeEntry actual)
    {
        Assert.Equal(expected.User, actual.User);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.LocalDate, actual.LocalDate);
        Assert.Equal(expected.ActionId, actual.ActionId);
        Assert.Equal(expected.StepId, actual.StepId);
        Assert.Equal(expected.Note, actual.Note);

        // The instant must survive; a store may hand the offset back as UTC.
        Assert.Equal(expected.RecordedAt.UtcTicks, actual.RecordedAt.UtcTicks);
    }
}
