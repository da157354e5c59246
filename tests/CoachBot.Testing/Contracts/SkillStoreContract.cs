using CoachBot.Core.Skills;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="ISkillStore"/> must do. Inherit it and supply a fresh, empty store.</summary>
public abstract class SkillStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly June = new(2025, 6, 1);
    private static readonly DateTimeOffset Noon = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new store that shares nothing with the stores of other tests.</summary>
    protected abstract Task<ISkillStore> CreateStoreAsync();

    [Fact]
    public async Task ListAsync_NeverSaved_ReturnsEmpty()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.ListAsync(TestUsers.New(), None));
    }

    [Fact]
    public async Task SaveAsync_EveryField_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var assessment = new SkillAssessment(
            TestUsers.New("ユーザー/#?\\:;"),
            June,
            new Dictionary<string, int> { ["technical"] = 4, ["people"] = 2, ["recruiting_org"] = 1, ["communication"] = 5, ["problem_solving"] = 3 },
            new DateTimeOffset(2025, 6, 10, 18, 30, 15, TimeSpan.FromHours(9)).AddTicks(1234567));

        await store.SaveAsync(assessment, None);

        AssertSame(assessment, Assert.Single(await store.ListAsync(assessment.User, None)));
    }

    [Fact]
    public async Task SaveAsync_NoScoresAndNoTime_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var assessment = new SkillAssessment(TestUsers.New(), June, new Dictionary<string, int>(), default);

        await store.SaveAsync(assessment, None);

        AssertSame(assessment, Assert.Single(await store.ListAsync(assessment.User, None)));
    }

    [Fact]
    public async Task SaveAsync_SameMonthTwice_ReplacesTheFirst()
    {
        var store = await CreateStoreAsync();
        var first = Assessment(TestUsers.New(), June, technical: 2);
        var second = first with { Scores = new Dictionary<string, int> { ["technical"] = 4, ["people"] = 3 }, RecordedAt = Noon.AddDays(5) };
        await store.SaveAsync(first, None);

        await store.SaveAsync(second, None);

        AssertSame(second, Assert.Single(await store.ListAsync(first.User, None)));
    }

    [Fact]
    public async Task SaveAsync_DayInsideTheMonth_ReplacesThatMonthAndListsItsFirstDay()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        await store.SaveAsync(Assessment(user, June, technical: 1), None);

        await store.SaveAsync(Assessment(user, June.AddDays(17), technical: 5), None);

        var listed = Assert.Single(await store.ListAsync(user, None));
        Assert.Equal(June, listed.Month);
        Assert.Equal(5, listed.Scores["technical"]);
    }

    [Fact]
    public async Task ListAsync_SavedOutOfOrder_ReturnsOldestMonthFirst()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        DateOnly[] months = [new(2025, 11, 1), new(2024, 12, 1), new(2025, 2, 1), new(2025, 1, 1), new(2023, 3, 1)];
        foreach (var month in months)
        {
            await store.SaveAsync(Assessment(user, month, technical: 3), None);
        }

        var listed = await store.ListAsync(user, None);

        Assert.Equal(months.Order(), listed.Select(a => a.Month));
    }

    [Fact]
    public async Task ListAsync_OtherUsersAssessments_AreNeverReturned()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New("U1");
        var sameTenant = user with { UserId = "U10" };
        var otherTenant = user with { TenantId = user.TenantId + "0" };
        await store.SaveAsync(Assessment(user, June, technical: 1), None);
        await store.SaveAsync(Assessment(sameTenant, June, technical: 2), None);
        await store.SaveAsync(Assessment(otherTenant, June.AddMonths(1), technical: 3), None);

        var listed = await store.ListAsync(user, None);

        var mine = Assert.Single(listed);
        Assert.Equal(user, mine.User);
        Assert.Equal(1, mine.Scores["technical"]);
    }

    [Fact]
    public async Task ListAsync_MoreAssessmentsThanOnePage_ReturnsEveryMonth()
    {
        // Table Storage returns at most 1000 entities per page; the store must follow continuation tokens.
        const int count = 1100;
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        var start = new DateOnly(1930, 1, 1);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, token) => await store.SaveAsync(Assessment(user, start.AddMonths(i), technical: 1 + (i % 5)), token));

        var listed = await store.ListAsync(user, None);

        Assert.Equal(Enumerable.Range(0, count).Select(i => start.AddMonths(i)), listed.Select(a => a.Month));
    }

    [Fact]
    public async Task DeleteAllAsync_User_RemovesOnlyThatUsersAssessments()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        var other = user with { UserId = user.UserId + "0" };
        for (var i = 0; i < 120; i++)
        {
            await store.SaveAsync(Assessment(user, June.AddMonths(-i), technical: 3), None);
        }

        await store.SaveAsync(Assessment(other, June, technical: 4), None);

        await store.DeleteAllAsync(user, None);

        Assert.Empty(await store.ListAsync(user, None));
        Assert.Equal(4, Assert.Single(await store.ListAsync(other, None)).Scores["technical"]);
    }

    [Fact]
    public async Task DeleteAllAsync_UserWithoutAssessments_DoesNotThrow()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();

        await store.DeleteAllAsync(user, None);

        Assert.Empty(await store.ListAsync(user, None));
    }

    [Fact]
    public async Task SaveAsync_LongUserId_RoundTripsAndStaysApartFromASharedPrefix()
    {
        var store = await CreateStoreAsync();
        var prefix = TestUsers.LongText(1400);
        var first = Assessment(TestUsers.New(prefix + "a"), June, technical: 1);
        var second = Assessment(first.User with { UserId = prefix + "b" }, June, technical: 2);

        await store.SaveAsync(first, None);
        await store.SaveAsync(second, None);

        AssertSame(first, Assert.Single(await store.ListAsync(first.User, None)));
        AssertSame(second, Assert.Single(await store.ListAsync(second.User, None)));
    }

    private static SkillAssessment Assessment(UserRef user, DateOnly month, int technical) =>
        new(user, month, new Dictionary<string, int> { ["technical"] = technical, ["people"] = 3 }, Noon);

    private static void AssertSame(SkillAssessment expected, SkillAssessment actual)
    {
        Assert.Equal(expected.User, actual.User);
        Assert.Equal(expected.Month, actual.Month);
        Assert.Equal(
            expected.Scores.OrderBy(s => s.Key, StringComparer.Ordinal),
            actual.Scores.OrderBy(s => s.Key, StringComparer.Ordinal));

        // The instant must survive; a store may hand the offset back as UTC.
        Assert.Equal(expected.RecordedAt.UtcTicks, actual.RecordedAt.UtcTicks);
    }
}
