using CoachBot.Core.Scheduling;
using CoachBot.Storage.Scheduling;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Scheduler.Tests.Index;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesDueIndexTests : DueIndexContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesDueIndexTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IDueIndex> CreateIndexAsync() => new AzureTablesDueIndex(await _azurite.CreateTablesAsync());

    // Rows a release before ADR 0039 wrote: pointers in Schedules, due rows in "{shard}-{minute}" partitions.
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MoveAsync_PointerInTheOldLayout_CarriesTheScheduleIntoTheNewOne()
    {
        var index = new AzureTablesDueIndex(await _azurite.CreateTablesAsync());
        var key = new ScheduleKey(ScheduleKey.UserOwner(TestUsers.New()), ScheduleKinds.HabitNudge);
        await index.WriteOldLayoutAsync(key, Nudge(Nine, "a"), "fp", CancellationToken.None);
        var old = await index.GetAsync(key, CancellationToken.None);
        Assert.Single(await index.FindDueAsync(AzureTablesDueIndex.ShardOf(key), Nine, Nine, 10, CancellationToken.None));

        var moved = await index.MoveAsync(old, key, Nudge(Nine.AddDays(1), "b"), "fp2", CancellationToken.None);

        Assert.Equal(moved.Version, (await index.GetAsync(key, CancellationToken.None))?.Version);
        Assert.Empty(await index.FindDueAsync(AzureTablesDueIndex.ShardOf(key), Nine, Nine, 10, CancellationToken.None));
        var row = Assert.Single(await index.FindDueAsync(AzureTablesDueIndex.ShardOf(key), Nine.AddDays(1), Nine.AddDays(1), 10, CancellationToken.None));
        Assert.False(row.InOldLayout);
        Assert.Single(await index.ListAsync(key.Owner, CancellationToken.None));
        await Assert.ThrowsAsync<CoachBot.Core.Storage.ConcurrencyConflictException>(
            () => index.MoveAsync(old, key, Nudge(Nine.AddDays(2), "c"), "fp", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteOwnerAsync_ScheduleInTheOldLayout_LeavesNoRowOfTheOwner()
    {
        var index = new AzureTablesDueIndex(await _azurite.CreateTablesAsync());
        var key = new ScheduleKey(ScheduleKey.UserOwner(TestUsers.New()), ScheduleKinds.HabitNudge);
        await index.WriteOldLayoutAsync(key, Nudge(Nine, "a"), "fp", CancellationToken.None);

        await index.DeleteOwnerAsync(key.Owner, CancellationToken.None);

        Assert.Null(await index.GetAsync(key, CancellationToken.None));
        Assert.Empty(await index.ListAsync(key.Owner, CancellationToken.None));
        Assert.Empty(await index.FindDueAsync(AzureTablesDueIndex.ShardOf(key), Nine, Nine, 10, CancellationToken.None));
    }

    private static Occurrence Nudge(DateTimeOffset due, string id) => new(ScheduleKinds.HabitNudge, id, due, due.AddHours(2));
}
