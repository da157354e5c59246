using CoachBot.Core.Storage;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IUserStore"/> must do. Inherit it and supply a fresh, empty store.</summary>
public abstract class UserStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A new store that shares nothing with the stores of other tests.</summary>
    protected abstract Task<IUserStore> CreateStoreAsync();

    [Fact]
    public async Task GetAsync_NeverSaved_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(TestUsers.New(), None));
    }

    [Fact]
    public async Task SaveAsync_NewProfileWithEveryField_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var profile = new UserProfile
        {
            User = TestUsers.New(),
            DisplayName = "山田 太郎 (Taro)",
            Language = "ja",
            TimeZoneId = "Asia/Tokyo",
            TimeZoneChosen = true,
            NudgeTime = new TimeOnly(7, 45),
            WorkingDays = [DayOfWeek.Sunday, DayOfWeek.Tuesday, DayOfWeek.Saturday],
            Role = "engineering-manager",
            CareerPath = "vpoe",
            Onboarding = OnboardingStep.WorkingDays,
            TodayDate = new DateOnly(2025, 12, 31),
            TodayStepId = "delegate-one-decision",
            QuietHoursStart = new TimeOnly(22, 0),
            QuietHoursEnd = new TimeOnly(7, 30),
            Pauses = [new DateRange(new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 14)), new DateRange(new DateOnly(2025, 12, 29), new DateOnly(2026, 1, 3))],
            Holidays = [new DateOnly(2025, 11, 3), new DateOnly(2025, 11, 24)],
            NudgesStopped = true,
            NudgeChannel = NudgeChannel.AppHome,
            TodayDeclined = ["management.a", "recruiting.b"],
            TodaySkipped = true,
            SnoozedUntil = new DateTimeOffset(2025, 12, 31, 11, 0, 0, TimeSpan.Zero),
            ReadingBookId = "high-output-management",
            ReadingSince = new DateOnly(2025, 12, 1),
            BooksFinished = ["essentialism", "accelerate"],
            BooksSkipped = ["the-model"],
            SetupRemindedOn = new DateOnly(2025, 12, 2),
            MissionFocus = "evaluation",
            CreatedAt = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(9)).AddTicks(5_358_979),
        };

        var saved = await store.SaveAsync(profile, None);
        var read = await store.GetAsync(profile.User, None);

        Assert.NotNull(read);
        AssertSameContent(profile, read);
        Assert.Equal(saved.Version, read.Version);
    }

    [Fact]
    public async Task SaveAsync_ProfileWithDefaultsAndNulls_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var profile = new UserProfile { User = TestUsers.New(), WorkingDays = [] };

        await store.SaveAsync(profile, None);
        var read = await store.GetAsync(profile.User, None);

        Assert.NotNull(read);
        AssertSameContent(profile, read);
        Assert.Null(read.DisplayName);
        Assert.Null(read.Role);
        Assert.Null(read.TodayDate);
        Assert.Empty(read.WorkingDays);
    }

    [Fact]
    public async Task SaveAsync_NewProfile_ReturnsItWithAVersion()
    {
        var store = await CreateStoreAsync();
        var profile = new UserProfile { User = TestUsers.New(), DisplayName = "Ana" };

        var saved = await store.SaveAsync(profile, None);

        Assert.False(string.IsNullOrEmpty(saved.Version));
        Assert.Equal("Ana", saved.DisplayName);
    }

    [Fact]
    public async Task SaveAsync_InsertedTwice_ThrowsConcurrencyConflict()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();
        await store.SaveAsync(new UserProfile { User = user, DisplayName = "first" }, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.SaveAsync(new UserProfile { User = user, DisplayName = "second" }, None));

        Assert.Equal("first", (await store.GetAsync(user, None))?.DisplayName);
    }

    [Fact]
    public async Task SaveAsync_CurrentVersion_ReplacesAndReturnsNewVersion()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SaveAsync(new UserProfile { User = TestUsers.New(), Role = "tech-lead" }, None);

        var updated = await store.SaveAsync(saved with { Role = "engineering-manager", Onboarding = OnboardingStep.Complete }, None);
        var read = await store.GetAsync(saved.User, None);

        Assert.NotEqual(saved.Version, updated.Version);
        Assert.Equal(updated.Version, read?.Version);
        Assert.Equal("engineering-manager", read?.Role);
        Assert.Equal(OnboardingStep.Complete, read?.Onboarding);
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsConcurrencyConflictAndKeepsNewerProfile()
    {
        var store = await CreateStoreAsync();
        var original = await store.SaveAsync(new UserProfile { User = TestUsers.New(), Role = "tech-lead" }, None);
        await store.SaveAsync(original with { Role = "engineering-manager" }, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(original with { Role = "vpoe" }, None));

        Assert.Equal("engineering-manager", (await store.GetAsync(original.User, None))?.Role);
    }

    [Fact]
    public async Task SaveAsync_VersionOfDeletedProfile_ThrowsConcurrencyConflict()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SaveAsync(new UserProfile { User = TestUsers.New() }, None);
        await store.DeleteAsync(saved.User, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved with { Role = "cto" }, None));

        Assert.Null(await store.GetAsync(saved.User, None));
    }

    [Fact]
    public async Task DeleteAsync_SavedProfile_RemovesIt()
    {
        var store = await CreateStoreAsync();
        var saved = await store.SaveAsync(new UserProfile { User = TestUsers.New() }, None);

        await store.DeleteAsync(saved.User, None);

        Assert.Null(await store.GetAsync(saved.User, None));
    }

    [Fact]
    public async Task DeleteAsync_NeverSaved_DoesNotThrow()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();

        await store.DeleteAsync(user, None);

        Assert.Null(await store.GetAsync(user, None));
    }

    [Fact]
    public async Task DeleteAsync_OneUser_LeavesOtherUsersInSameTenant()
    {
        var store = await CreateStoreAsync();
        var kept = TestUsers.New();
        var deleted = kept with { UserId = kept.UserId + "0" };
        await store.SaveAsync(new UserProfile { User = kept }, None);
        await store.SaveAsync(new UserProfile { User = deleted }, None);

        await store.DeleteAsync(deleted, None);

        Assert.NotNull(await store.GetAsync(kept, None));
        Assert.Null(await store.GetAsync(deleted, None));
    }

    [Theory]
    [InlineData("U/1")]
    [InlineData("U#1")]
    [InlineData("U?1")]
    [InlineData("U\\1")]
    [InlineData("29:1AbC-def:x;messageid=1")]
    [InlineData("U%2F1")]
    [InlineData("U\t1\u0085")]
    [InlineData("ユーザー|1")]
    public async Task SaveAsync_UserIdWithReservedCharacters_RoundTrips(string userId)
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New(userId);

        await store.SaveAsync(new UserProfile { User = user, DisplayName = userId }, None);
        var read = await store.GetAsync(user, None);

        Assert.Equal(user, read?.User);
        Assert.Equal(userId, read?.DisplayName);
    }

    [Fact]
    public async Task SaveAsync_LongIdsSharingAPrefix_StayApart()
    {
        var store = await CreateStoreAsync();
        var prefix = TestUsers.LongText(1400);
        var first = TestUsers.New(prefix + new string('a', 100));
        var second = TestUsers.New(prefix + new string('b', 100)) with { TenantId = first.TenantId };

        await store.SaveAsync(new UserProfile { User = first, DisplayName = "first" }, None);
        await store.SaveAsync(new UserProfile { User = second, DisplayName = "second" }, None);

        var readFirst = await store.GetAsync(first, None);
        Assert.Equal(first, readFirst?.User);
        Assert.Equal("first", readFirst?.DisplayName);
        Assert.Equal("second", (await store.GetAsync(second, None))?.DisplayName);
        Assert.Equal(1500, readFirst?.User.UserId.Length);
    }

    private static void AssertSameContent(UserProfile expected, UserProfile actual)
    {
        Assert.Equal(expected.User, actual.User);
        Assert.Equal(expected.DisplayName, actual.DisplayName);
        Assert.Equal(expected.Language, actual.Language);
        Assert.Equal(expected.TimeZoneId, actual.TimeZoneId);
        Assert.Equal(expected.TimeZoneChosen, actual.TimeZoneChosen);
        Assert.Equal(expected.NudgeTime, actual.NudgeTime);
        Assert.Equal(expected.WorkingDays, actual.WorkingDays);
        Assert.Equal(expected.Role, actual.Role);
        Assert.Equal(expected.CareerPath, actual.CareerPath);
        Assert.Equal(expected.Onboarding, actual.Onboarding);
        Assert.Equal(expected.TodayDate, actual.TodayDate);
        Assert.Equal(expected.TodayStepId, actual.TodayStepId);
        Assert.Equal((expected.QuietHoursStart, expected.QuietHoursEnd), (actual.QuietHoursStart, actual.QuietHoursEnd));
        Assert.Equal(expected.Pauses, actual.Pauses);
        Assert.Equal(expected.Holidays, actual.Holidays);
        Assert.Equal((expected.NudgesStopped, expected.NudgeChannel), (actual.NudgesStopped, actual.NudgeChannel));
        Assert.Equal(expected.TodayDeclined, actual.TodayDeclined);
        Assert.Equal(expected.TodaySkipped, actual.TodaySkipped);
        Assert.Equal(expected.SnoozedUntil?.UtcTicks, actual.SnoozedUntil?.UtcTicks);
        Assert.Equal((expected.ReadingBookId, expected.ReadingSince), (actual.ReadingBookId, actual.ReadingSince));
        Assert.Equal(expected.BooksFinished, actual.BooksFinished);
        Assert.Equal(expected.BooksSkipped, actual.BooksSkipped);
        Assert.Equal(expected.SetupRemindedOn, actual.SetupRemindedOn);
        Assert.Equal(expected.MissionFocus, actual.MissionFocus);

        // The instant must survive; a store may hand the offset back as UTC.
        Assert.Equal(expected.CreatedAt.UtcTicks, actual.CreatedAt.UtcTicks);
    }
}
