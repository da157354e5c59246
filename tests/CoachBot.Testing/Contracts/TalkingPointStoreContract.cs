using System.Globalization;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="ITalkingPointStore"/> must do. Inherit it and supply a fresh, empty store.</summary>
public abstract class TalkingPointStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Noon = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new store that shares nothing with the stores of other tests.</summary>
    protected abstract Task<ITalkingPointStore> CreateStoreAsync();

    [Fact]
    public async Task ListAsync_NeverAdded_ReturnsEmpty()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.ListAsync(TestUsers.New(), None));
    }

    [Fact]
    public async Task AddAsync_NewPointWithEveryField_ReturnsTrueAndRoundTrips()
    {
        var store = await CreateStoreAsync();
        var point = new TalkingPoint(
            TestUsers.New(),
            "tp-1",
            "『ハイアウトプット マネジメント』の第3章について話したい。\nTalk about chapter 3.",
            "reading:high-output-management",
            new DateTimeOffset(2025, 6, 10, 18, 30, 15, TimeSpan.FromHours(9)).AddTicks(1234567));

        var added = await store.AddAsync(point, None);

        Assert.True(added);
        AssertSame(point, Assert.Single(await store.ListAsync(point.User, None)));
    }

    [Fact]
    public async Task AddAsync_PointWithoutSourceOrTime_RoundTripsThem()
    {
        var store = await CreateStoreAsync();
        var point = new TalkingPoint(TestUsers.New(), "tp-1", "Career goals", null, default);

        await store.AddAsync(point, None);

        var listed = Assert.Single(await store.ListAsync(point.User, None));
        AssertSame(point, listed);
        Assert.Null(listed.Source);
    }

    [Fact]
    public async Task AddAsync_SameIdTwice_ReturnsFalseAndKeepsTheFirst()
    {
        var store = await CreateStoreAsync();
        var first = Point(TestUsers.New(), "tp-1", Noon, "first");
        await store.AddAsync(first, None);

        var added = await store.AddAsync(first with { Text = "second", Source = "typed" }, None);

        Assert.False(added);
        AssertSame(first, Assert.Single(await store.ListAsync(first.User, None)));
    }

    [Fact]
    public async Task AddAsync_SameIdForAnotherUser_ReturnsTrue()
    {
        var store = await CreateStoreAsync();
        var first = Point(TestUsers.New(), "tp-1", Noon);
        var other = first with { User = TestUsers.New() };
        await store.AddAsync(first, None);

        Assert.True(await store.AddAsync(other, None));
        AssertSame(other, Assert.Single(await store.ListAsync(other.User, None)));
    }

    [Fact]
    public async Task ListAsync_AddedOutOfOrder_ReturnsOldestFirst()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        await store.AddAsync(Point(user, "a-late", Noon.AddDays(2)), None);
        await store.AddAsync(Point(user, "z-early", Noon.AddDays(-30)), None);
        await store.AddAsync(Point(user, "m-afternoon", Noon.AddHours(3)), None);
        await store.AddAsync(Point(user, "b-morning", Noon.AddHours(-3)), None);

        var listed = await store.ListAsync(user, None);

        Assert.Equal(["z-early", "b-morning", "m-afternoon", "a-late"], listed.Select(p => p.Id));
    }

    [Fact]
    public async Task ListAsync_OtherUsersPoints_AreNeverReturned()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New("U1");
        var sameTenant = user with { UserId = "U10" };
        var otherTenant = user with { TenantId = user.TenantId + "0" };
        await store.AddAsync(Point(user, "mine", Noon), None);
        await store.AddAsync(Point(sameTenant, "theirs-1", Noon), None);
        await store.AddAsync(Point(otherTenant, "theirs-2", Noon), None);

        Assert.Equal("mine", Assert.Single(await store.ListAsync(user, None)).Id);
    }

    [Fact]
    public async Task ListAsync_MorePointsThanOnePage_ReturnsEveryPoint()
    {
        // Table Storage returns at most 1000 entities per page; the store must follow continuation tokens.
        const int count = 1100;
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        var points = Enumerable.Range(0, count)
            .Select(i => Point(user, i.ToString("D5", CultureInfo.InvariantCulture), Noon.AddMinutes(count - i)))
            .ToList();
        await Parallel.ForEachAsync(
            points,
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (point, token) => Assert.True(await store.AddAsync(point, token)));

        var listed = await store.ListAsync(user, None);

        Assert.Equal(points.OrderBy(p => p.CreatedAt).Select(p => p.Id), listed.Select(p => p.Id));
    }

    [Fact]
    public async Task DeleteAllAsync_User_RemovesOnlyThatUsersPoints()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        var other = user with { UserId = user.UserId + "0" };
        for (var i = 0; i < 120; i++)
        {
            await store.AddAsync(Point(user, $"tp{i}", Noon.AddMinutes(i)), None);
        }

        await store.AddAsync(Point(other, "tp0", Noon), None);

        await store.DeleteAllAsync(user, None);

        Assert.Empty(await store.ListAsync(user, None));
        Assert.Single(await store.ListAsync(other, None));
    }

    [Fact]
    public async Task DeleteAllAsync_ThenAddSameId_ReturnsTrue()
    {
        var store = await CreateStoreAsync();
        var point = Point(TestUsers.New(), "tp-1", Noon);
        await store.AddAsync(point, None);

        await store.DeleteAllAsync(point.User, None);

        Assert.True(await store.AddAsync(point, None));
    }

    [Fact]
    public async Task DeleteAllAsync_UserWithoutPoints_DoesNotThrow()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();

        await store.DeleteAllAsync(user, None);

        Assert.Empty(await store.ListAsync(user, None));
    }

    [Theory]
    [InlineData("1712345678.000100/#?\\")]
    [InlineData("29:1AbC;messageid=1712345678")]
    [InlineData("%2F")]
    [InlineData("話題\u0001")]
    public async Task AddAsync_IdsWithReservedCharacters_RoundTripAndStayUnique(string id)
    {
        var store = await CreateStoreAsync();
        var point = Point(TestUsers.New("U/#?\\:;"), id, Noon);

        Assert.True(await store.AddAsync(point, None));
        Assert.False(await store.AddAsync(point, None));

        AssertSame(point, Assert.Single(await store.ListAsync(point.User, None)));
    }

    [Fact]
    public async Task AddAsync_LongIdsAndUserIdSharingAPrefix_StayApart()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New(TestUsers.LongText(1500));
        var prefix = TestUsers.LongText(1400);
        var first = Point(user, prefix + new string('a', 100), Noon);
        var second = Point(user, prefix + new string('b', 100), Noon.AddMinutes(1));

        Assert.True(await store.AddAsync(first, None));
        Assert.True(await store.AddAsync(second, None));
        Assert.False(await store.AddAsync(first, None));

        var listed = await store.ListAsync(user, None);
        Assert.Equal([first.Id, second.Id], listed.Select(p => p.Id));
        Assert.All(listed, p => Assert.Equal(user, p.User));
    }

    private static TalkingPoint Point(UserRef user, string id, DateTimeOffset createdAt, string text = "Ask about the hiring plan") =>
        new(user, id, text, "reading:high-output-management", createdAt);

    private static void AssertSame(TalkingPoint expected, TalkingPoint actual)
    {
        Assert.Equal(expected.User, actual.User);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Source, actual.Source);

        // The instant must survive; a store may hand the offset back as UTC.
        Assert.Equal(expected.CreatedAt.UtcTicks, actual.CreatedAt.UtcTicks);
    }
}
