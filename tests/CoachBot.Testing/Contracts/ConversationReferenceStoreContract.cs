using CoachBot.Core.Installations;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IConversationReferenceStore"/> must do. Inherit it and supply a fresh, empty store.</summary>
public abstract class ConversationReferenceStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A new store that shares nothing with the stores of other tests.</summary>
    protected abstract Task<IConversationReferenceStore> CreateStoreAsync();

    [Fact]
    public async Task GetAsync_NeverSaved_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(TestUsers.New(), None));
    }

    [Fact]
    public async Task SaveAsync_EveryField_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var reference = new ConversationReference(
            new UserRef("msteams", "72f988bf-86f1-41af-91ab-2d7cd011db47", "29:1" + TestUsers.LongText(60)),
            "a:1" + TestUsers.LongText(120) + ";messageid=1712345678",
            "https://smba.trafficmanager.net/apac/",
            "28:coachbot",
            "ja-JP",
            new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.FromHours(9)));

        await store.SaveAsync(reference, None);

        AssertSame(reference, await store.GetAsync(reference.User, None));
    }

    [Fact]
    public async Task SaveAsync_NullFields_RoundTrip()
    {
        var store = await CreateStoreAsync();
        var reference = new ConversationReference(TestUsers.New(), "D0123", null, null, null, default);

        await store.SaveAsync(reference, None);

        AssertSame(reference, await store.GetAsync(reference.User, None));
    }

    [Fact]
    public async Task SaveAsync_Existing_ReplacesIt()
    {
        var store = await CreateStoreAsync();
        var first = new ConversationReference(TestUsers.New(), "D1", "https://a.example/", "B1", "en-US", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var second = first with { ConversationId = "D2", ServiceUrl = null, Locale = "ja-JP", UpdatedAt = first.UpdatedAt.AddHours(1) };
        await store.SaveAsync(first, None);

        await store.SaveAsync(second, None);

        AssertSame(second, await store.GetAsync(first.User, None));
    }

    [Fact]
    public async Task SaveAsync_LongUserIdWithReservedCharacters_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var reference = new ConversationReference(TestUsers.New("29:/#?\\;" + TestUsers.LongText(1500)), "D1", null, null, null, default);

        await store.SaveAsync(reference, None);

        AssertSame(reference, await store.GetAsync(reference.User, None));
    }

    [Fact]
    public async Task DeleteAsync_Saved_RemovesOnlyThatUsersReference()
    {
        var store = await CreateStoreAsync();
        var deleted = new ConversationReference(TestUsers.New(), "D1", null, null, null, default);
        var kept = deleted with { User = deleted.User with { UserId = deleted.User.UserId + "0" }, ConversationId = "D2" };
        await store.SaveAsync(deleted, None);
        await store.SaveAsync(kept, None);

        await store.DeleteAsync(deleted.User, None);

        Assert.Null(await store.GetAsync(deleted.User, None));
        AssertSame(kept, await store.GetAsync(kept.User, None));
    }

    [Fact]
    public async Task DeleteAsync_NeverSaved_DoesNotThrow()
    {
        var store = await CreateStoreAsync();
        var user = TestUsers.New();

        await store.DeleteAsync(user, None);

        Assert.Null(await store.GetAsync(user, None));
    }

    private static void AssertSame(ConversationReference expected, ConversationReference? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.User, actual.User);
        Assert.Equal(expected.ConversationId, actual.ConversationId);
        Assert.Equal(expected.ServiceUrl, actual.ServiceUrl);
        Assert.Equal(expected.BotId, actual.BotId);
        Assert.Equal(expected.Locale, actual.Locale);
        Assert.Equal(expected.UpdatedAt.UtcTicks, actual.UpdatedAt.UtcTicks);
    }
}
