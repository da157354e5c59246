using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Users;
using CoachBot.Storage.Calendar;
using CoachBot.Testing;

namespace CoachBot.Storage.Tests.Stores;

/// <summary>The CalendarFeeds table keeps what makes a redelivered <c>1on1 calendar</c> harmless (ADR 0038).</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesCalendarFeedStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly AzuriteFixture _azurite;

    public AzureTablesCalendarFeedStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Replace_KeepsTheMessageThatMadeTheFeed_AndAFeedMadeWithoutOneHasNone()
    {
        var store = new AzureTablesCalendarFeedStore(await _azurite.CreateTablesAsync());
        var user = new UserRef("slack", "T1", "UFEED");
        var other = new UserRef("slack", "T1", "UOTHER");

        await store.ReplaceAsync(user, new CalendarFeedRecord(new string('a', 64), Now, "0123456789abcdef01234567"), CancellationToken.None);
        await store.ReplaceAsync(other, new CalendarFeedRecord(new string('b', 64), Now), CancellationToken.None);

        Assert.Equal(new CalendarFeedRecord(new string('a', 64), Now, "0123456789abcdef01234567"), await store.GetAsync(user, CancellationToken.None));
        Assert.Equal(new CalendarFeedRecord(new string('b', 64), Now), await store.GetAsync(other, CancellationToken.None));
    }
}
