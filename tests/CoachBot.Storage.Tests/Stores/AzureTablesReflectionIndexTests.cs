using Azure.Data.Tables;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Storage.Reflections;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Tests.Stores;

/// <summary>
/// The ReflectionsByUser index (docs/decisions/0022-reflection-index-rows.md): `reflect`, `export` and `team
/// reflection status` read one partition per user, stale index rows are never believed, and rows older than the
/// index are found before and after the backfill.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesReflectionIndexTests
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string[] ReflectionTables =
        [StorageTableNames.ReflectionTeams, StorageTableNames.ReflectionMembers, StorageTableNames.ReflectionsByUser];

    private readonly AzuriteFixture _azurite;

    public AzureTablesReflectionIndexTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task ReflectAndExportReads_IndexReady_IssueOnlyPartitionQueries()
    {
        var (tables, recorder) = await TablesAsync();
        var store = await ReadyStoreAsync(tables);
        var user = TestUsers.New();
        var led = TeamChannel.For(user, "led");
        var joined = TeamChannel.For(user, "joined");
        await store.AddMemberAsync(led, user, None);
        await store.AddMemberAsync(joined, user, None);
        await store.SaveAsync(new TeamReflection(led, user, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", true), None);
        await store.TryAddRoundAsync(new ReflectionRound(joined, "2026-W48", Friday, Friday.AddDays(3), ["learned"], 2), None);
        await store.SaveOwnAnswerAsync(user, new ReflectionAnswer(joined, "2026-W48", [new AnswerPart("learned", "mine", true)], Friday), None);
        recorder.Clear();

        var leads = await store.ListLedByAsync(user, None);
        var memberships = await store.ListMembershipsAsync(user, None);
        var answers = await store.ListOwnAnswersAsync(user, None);

        Assert.Equal([led], leads.Select(r => r.Channel));
        Assert.Equal([joined, led], memberships);
        Assert.Equal("mine", Assert.Single(answers).Parts[0].Text);
        var queries = QueriesOn(tables, recorder);
        Assert.Contains(queries, q => q.Table == tables.GetTableName(StorageTableNames.ReflectionsByUser));
        Assert.All(queries, q => Assert.StartsWith("PartitionKey eq ", q.Filter, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteUserDataAsync_IndexReady_IssuesOnlyPartitionQueries()
    {
        var (tables, recorder) = await TablesAsync();
        var store = await ReadyStoreAsync(tables);
        var user = TestUsers.New();
        var channel = TeamChannel.For(user, "team");
        await store.AddMemberAsync(channel, user, None);
        await store.SaveAsync(new TeamReflection(channel, user, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", true), None);
        recorder.Clear();

        // The uninstall purge runs this for every user of a tenant: a scan here would read every team of every tenant.
        await store.DeleteUserDataAsync(user, None);

        Assert.Null(await store.GetAsync(channel, None));
        var queries = QueriesOn(tables, recorder);
        Assert.NotEmpty(queries);
        Assert.All(queries, q => Assert.StartsWith("PartitionKey eq ", q.Filter, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListLedByAsync_StaleIndexRowsOfACrashAndOfALostLeadChange_AreIgnored()
    {
        var (tables, _) = await TablesAsync();
        var store = await ReadyStoreAsync(tables);
        var user = TestUsers.New();
        var neverWritten = TeamChannel.For(user, "crashed");
        var ledBySomeoneElse = TeamChannel.For(user, "taken");
        await store.SaveAsync(new TeamReflection(ledBySomeoneElse, TestUsers.New(), DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", true), None);

        // Index rows whose primary write never happened, or that a lead change could not remove.
        await IndexTable(tables).AddEntityAsync(Index(ReflectionUserIndex.Lead, user, neverWritten));
        await IndexTable(tables).AddEntityAsync(Index(ReflectionUserIndex.Lead, user, ledBySomeoneElse));

        Assert.Empty(await store.ListLedByAsync(user, None));
    }

    [Fact]
    public async Task AddMemberAsync_CrashBeforeTheMemberRow_LeavesAnIndexRowThatReadersSkip()
    {
        var (tables, recorder) = await TablesAsync();
        var store = await ReadyStoreAsync(tables);
        var member = TestUsers.New();
        var channel = TeamChannel.For(member, "team");
        recorder.FailWhen = r => r.Method == "POST" && r.Table == tables.GetTableName(StorageTableNames.ReflectionMembers);

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => store.AddMemberAsync(channel, member, None));
        recorder.FailWhen = null;

        Assert.Single(await IndexRowsAsync(tables, member));
        Assert.Empty(await store.ListMembershipsAsync(member, None));

        // The next message in the channel records the membership, and its index row is used again.
        await store.AddMemberAsync(channel, member, None);
        Assert.Equal([channel], await store.ListMembershipsAsync(member, None));
    }

    [Fact]
    public async Task SaveAsync_LeadChanged_RemovesThePreviousLeadsIndexRow()
    {
        var (tables, _) = await TablesAsync();
        var store = await ReadyStoreAsync(tables);
        var first = TestUsers.New();
        var second = TestUsers.New();
        var saved = await store.SaveAsync(new TeamReflection(TeamChannel.For(first, "team"), first, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", true), None);

        await store.SaveAsync(saved with { Lead = second }, None);

        Assert.Empty(await IndexRowsAsync(tables, first));
        Assert.Single(await IndexRowsAsync(tables, second));
    }

    [Fact]
    public async Task DeleteUserDataAsync_Always_DeletesEveryIndexRowOfTheUser()
    {
        var (tables, _) = await TablesAsync();
        var store = await ReadyStoreAsync(tables);
        var user = TestUsers.New();
        var other = TestUsers.New();
        var channel = TeamChannel.For(user, "team");
        await store.AddMemberAsync(channel, user, None);
        await store.AddMemberAsync(channel, other, None);
        await store.SaveAsync(new TeamReflection(channel, user, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", true), None);
        Assert.Equal(2, (await IndexRowsAsync(tables, user)).Count);

        await store.DeleteUserDataAsync(user, None);

        Assert.Empty(await IndexRowsAsync(tables, user));
        Assert.Single(await IndexRowsAsync(tables, other));
    }

    [Fact]
    public async Task RunOnceAsync_RowsWrittenBeforeTheIndex_FoundBeforeAndIndexedAfter()
    {
        var (tables, recorder) = await TablesAsync();
        var user = TestUsers.New();
        var channel = TeamChannel.For(user, "old-team");
        await WriteRowsOfThePreviousVersionAsync(tables, user, channel);
        var store = new AzureTablesReflectionStore(tables, AnswerKey(tables));
        var backfill = new ReflectionIndexBackfill(tables, TimeProvider.System, NullLogger<ReflectionIndexBackfill>.Instance);

        // Before the backfill the store still scans, so nothing written by the previous version is missed.
        Assert.Equal([channel], (await store.ListLedByAsync(user, None)).Select(r => r.Channel));
        Assert.Equal([channel], await store.ListMembershipsAsync(user, None));

        Assert.Equal(2, await backfill.RunOnceAsync(None));
        Assert.Null(await backfill.RunOnceAsync(None));
        recorder.Clear();

        Assert.Equal([channel], (await store.ListLedByAsync(user, None)).Select(r => r.Channel));
        Assert.Equal([channel], await store.ListMembershipsAsync(user, None));
        Assert.All(QueriesOn(tables, recorder), q => Assert.StartsWith("PartitionKey eq ", q.Filter, StringComparison.Ordinal));
        Assert.Equal(2, (await IndexRowsAsync(tables, user)).Count);
    }

    [Fact]
    public async Task StartAsync_HostStarts_BackfillsInTheBackgroundAndMarksTheIndexReady()
    {
        var (tables, _) = await TablesAsync();
        var user = TestUsers.New();
        await WriteRowsOfThePreviousVersionAsync(tables, user, TeamChannel.For(user, "old-team"));
        using var service = new ReflectionIndexBackfill(tables, TimeProvider.System, NullLogger<ReflectionIndexBackfill>.Instance);

        await service.StartAsync(None);
        await service.ExecuteTask!;

        Assert.Equal(2, (await IndexRowsAsync(tables, user)).Count);
        Assert.Null(await new ReflectionIndexBackfill(tables, TimeProvider.System, NullLogger<ReflectionIndexBackfill>.Instance).RunOnceAsync(None));
    }

    [Fact]
    public async Task SetUp_RowFromBeforeCreatedAtWasKept_ReadsAsItsTimestamp()
    {
        var (tables, _) = await TablesAsync();
        var store = await ReadyStoreAsync(tables);
        var user = TestUsers.New();
        var channel = TeamChannel.For(user, "old");
        await store.SaveAsync(new TeamReflection(channel, user, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", true) { CreatedAt = Friday.AddYears(-1) }, None);
        var table = new TableServiceClient(_azurite.ConnectionString).GetTableClient(tables.GetTableName(StorageTableNames.ReflectionTeams));
        var row = Assert.Single(table.Query<TableEntity>(e => e.GetString("TeamConversationId") == channel.ConversationId));
        row.Remove("CreatedAt");
        row.Remove("CreatedAtKept");
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var legacy = await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey);

        var read = await store.GetAsync(channel, None);

        // Team health then counts the set-up only from the week after its last write: later than it was, never earlier.
        Assert.Equal(legacy.Value.Timestamp, read!.CreatedAt);
    }

    private async Task<(CoachBotTables Tables, TableRequestRecorder Recorder)> TablesAsync()
    {
        var recorder = new TableRequestRecorder();
        var tables = new CoachBotTables(Options.Create(_azurite.CreateOptions()), recorder);
        await tables.EnsureCreatedAsync(None);
        return (tables, recorder);
    }

    private async Task<AzureTablesReflectionStore> ReadyStoreAsync(CoachBotTables tables)
    {
        await new ReflectionIndexBackfill(tables, TimeProvider.System, NullLogger<ReflectionIndexBackfill>.Instance).RunOnceAsync(None);
        return new AzureTablesReflectionStore(tables, AnswerKey(tables));
    }

    private ReflectionAnswerKey AnswerKey(CoachBotTables tables) =>
        new(tables, Options.Create(new AnswerKeyOptions()), Options.Create(_azurite.CreateOptions()));

    private static List<TableRequest> QueriesOn(CoachBotTables tables, TableRequestRecorder recorder)
    {
        var names = ReflectionTables.Select(tables.GetTableName).ToHashSet(StringComparer.Ordinal);
        return [.. recorder.Requests.Where(r => r.IsQuery && names.Contains(r.Table))];
    }

    private TableClient IndexTable(CoachBotTables tables) =>
        new TableServiceClient(_azurite.ConnectionString).GetTableClient(tables.GetTableName(StorageTableNames.ReflectionsByUser));

    private async Task<List<TableEntity>> IndexRowsAsync(CoachBotTables tables, UserRef user)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in IndexTable(tables).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.ForUser(user)}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static TableEntity Index(string kind, UserRef user, TeamChannel channel) =>
        new(TableKeys.ForUser(user), TableKeys.Encode(kind + "|" + channel.Key))
        {
            ["Kind"] = kind,
            ["Channel"] = user.Channel,
            ["TenantId"] = user.TenantId,
            ["UserId"] = user.UserId,
            ["TeamChannel"] = channel.Channel,
            ["TeamTenantId"] = channel.TenantId,
            ["TeamConversationId"] = channel.ConversationId,
        };

    /// <summary>A set-up and a membership as the version before the index wrote them: primary rows only.</summary>
    private async Task WriteRowsOfThePreviousVersionAsync(CoachBotTables tables, UserRef user, TeamChannel channel)
    {
        var service = new TableServiceClient(_azurite.ConnectionString);
        await service.GetTableClient(tables.GetTableName(StorageTableNames.ReflectionTeams)).AddEntityAsync(
            new TableEntity(TableKeys.Encode(channel.Key), "setup")
            {
                ["TeamChannel"] = channel.Channel,
                ["TeamTenantId"] = channel.TenantId,
                ["TeamConversationId"] = channel.ConversationId,
                ["LeadChannel"] = user.Channel,
                ["LeadTenantId"] = user.TenantId,
                ["LeadUserId"] = user.UserId,
                ["LeadKey"] = user.Key,
                ["Day"] = (int)DayOfWeek.Friday,
                ["Time"] = "16:00",
                ["TimeZoneId"] = "UTC",
                ["Enabled"] = true,
            });
        await service.GetTableClient(tables.GetTableName(StorageTableNames.ReflectionMembers)).AddEntityAsync(
            new TableEntity(TableKeys.Encode(channel.Key), TableKeys.ForUser(user))
            {
                ["Channel"] = user.Channel,
                ["TenantId"] = user.TenantId,
                ["UserId"] = user.UserId,
                ["TeamChannel"] = channel.Channel,
                ["TeamTenantId"] = channel.TenantId,
                ["TeamConversationId"] = channel.ConversationId,
                ["MemberKey"] = user.Key,
            });
    }
}
