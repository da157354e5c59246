using CoachBot.Core.Health;
using CoachBot.Core.Users;
using CoachBot.Storage.Health;
using CoachBot.Testing;

namespace CoachBot.Storage.Tests.Stores;

/// <summary>Frozen team-health weeks on Azurite: the first freeze stays, reads are per lead, forget me empties them.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesTeamHealthStoreTests
{
    private static readonly UserRef Lead = new("slack", "T1", "U-lead");
    private static readonly UserRef Other = new("slack", "T1", "U-other");

    private readonly AzuriteFixture _azurite;

    public AzureTablesTeamHealthStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Freeze_Twice_TheFirstFiguresStay()
    {
        var store = new AzureTablesTeamHealthStore(await _azurite.CreateTablesAsync());
        var first = Week("2026-W40", new HealthCell(3, 2, 3, [1, 0, 2, 0, 0]));

        await store.FreezeAsync(Lead, first, CancellationToken.None);
        var second = await store.FreezeAsync(Lead, Week("2026-W40", new HealthCell(4, 4, 4, [])), CancellationToken.None);
        var read = await store.GetWeeksAsync(Lead, ["2026-W40", "2026-W41"], CancellationToken.None);

        var week = Assert.Single(read.Values);
        Assert.Equal("2026-W40", week.Week);
        var cell = week.Cells[HealthIndicatorIds.PracticeBalance];
        Assert.Equal((3, 2, 3), (cell.Contributors, cell.Numerator, cell.Denominator));
        Assert.Equal([1, 0, 2, 0, 0], cell.Parts);
        Assert.Equal(3, second.Cells[HealthIndicatorIds.PracticeBalance].Contributors);
    }

    [Fact]
    public async Task Shown_RecordedOncePerLead_StaysBesideTheWeeksUntilForgetMe()
    {
        var store = new AzureTablesTeamHealthStore(await _azurite.CreateTablesAsync());
        var bob = new UserRef("slack", "T1", "U-bob");
        var carol = new UserRef("slack", "T1", "U-carol");
        await store.FreezeAsync(Lead, Week("2026-W40", new HealthCell(3, 2, 3, [])), CancellationToken.None);

        await store.MarkShownAsync(Lead, [bob], CancellationToken.None);
        await store.MarkShownAsync(Lead, [bob, carol], CancellationToken.None);
        var shown = await store.GetShownAsync(Lead, CancellationToken.None);
        var weeks = await store.GetWeeksAsync(Lead, ["2026-W40"], CancellationToken.None);
        var other = await store.GetShownAsync(Other, CancellationToken.None);
        await store.DeleteAllAsync(Lead, CancellationToken.None);

        Assert.Equal([bob.Key, carol.Key], shown.Order(StringComparer.Ordinal));
        Assert.Single(weeks);
        Assert.Empty(other);
        Assert.Empty(await store.GetShownAsync(Lead, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAll_RemovesOnlyThatLeadsWeeks()
    {
        var store = new AzureTablesTeamHealthStore(await _azurite.CreateTablesAsync());
        await store.FreezeAsync(Lead, Week("2026-W40", HealthCell.TooFew), CancellationToken.None);
        await store.FreezeAsync(Other, Week("2026-W40", new HealthCell(3, 1, 1, [])), CancellationToken.None);

        await store.DeleteAllAsync(Lead, CancellationToken.None);
        await store.DeleteAllAsync(Lead, CancellationToken.None);

        Assert.Empty(await store.GetWeeksAsync(Lead, ["2026-W40"], CancellationToken.None));
        Assert.Single(await store.GetWeeksAsync(Other, ["2026-W40"], CancellationToken.None));
    }

    private static HealthWeek Week(string week, HealthCell cell) =>
        new(week, new Dictionary<string, HealthCell> { [HealthIndicatorIds.PracticeBalance] = cell });
}
