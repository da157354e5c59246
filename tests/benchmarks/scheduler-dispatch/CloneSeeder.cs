using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Users;
using CoachBot.Storage;
using CoachBot.Storage.Scheduling;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary>
/// The cheaper seeding path for the 100,000-user scenario: one template user is saved through the real store (so the
/// scheduler writes its profile, pointers and due rows), then its rows are copied for every other user with the keys
/// and identity columns rewritten: the owner's schedule entries in one transaction per user, pointers and due rows
/// (which share their shard's partition, ADR 0039) in transactions of 100 per partition. No reads, no reconciler: on this machine's Azurite the real path manages about 35 users/s.
/// </summary>
public sealed class CloneSeeder
{
    private static readonly HashSet<string> SystemColumns = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    private readonly TableServiceClient _service;
    private readonly CoachBotTables _tables;

    public CloneSeeder(string connectionString, CoachBotTables tables)
    {
        _service = new TableServiceClient(connectionString);
        _tables = tables;
    }

    /// <summary>Copies the stored rows of <paramref name="template"/> for each of <paramref name="ids"/>.</summary>
    public async Task<TimeSpan> CloneAsync(UserRef template, IReadOnlyList<string> ids, int parallelism, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var users = Table(StorageTableNames.Users);
        var schedules = Table(StorageTableNames.Schedules);
        var due = Table(StorageTableNames.Due);

        var profile = (await users.GetEntityAsync<TableEntity>(TableKeys.ForUser(template), TableKeys.ForUser(template), cancellationToken: cancellationToken)).Value;
        var templateOwner = ScheduleKey.UserOwner(template);
        var entries = new List<TableEntity>();
        await foreach (var row in schedules.QueryAsync<TableEntity>(e => e.PartitionKey == TableKeys.Encode(templateOwner), cancellationToken: cancellationToken))
        {
            entries.Add(row);
        }

        // The template's pointers and due rows (ADR 0039): both in the Due partition of the schedule's shard, the
        // pointer under "next-{key}", the row under "due-{minute}-{key}".
        var dueRows = new List<(TableEntity Row, string Name, bool IsPointer)>();
        foreach (var name in entries.Select(e => e.GetString("Name")))
        {
            var key = new ScheduleKey(templateOwner, name);
            var pointer = (await due.GetEntityAsync<TableEntity>(AzureTablesDueIndex.PartitionOf(key), AzureTablesDueIndex.PointerRowKey(key), cancellationToken: cancellationToken)).Value;
            dueRows.Add((pointer, name, true));
            if (pointer.GetDateTimeOffset("DueAt") is { } dueAt)
            {
                var occurrence = new Occurrence(pointer.GetString("Kind"), pointer.GetString("OccurrenceId"), dueAt, pointer.GetDateTimeOffset("Deadline")!.Value);
                var row = (await due.GetEntityAsync<TableEntity>(AzureTablesDueIndex.PartitionOf(key), AzureTablesDueIndex.DueRowKey(key, occurrence), cancellationToken: cancellationToken)).Value;
                dueRows.Add((row, name, false));
            }
        }

        var pendingDue = new ConcurrentDictionary<string, ConcurrentBag<TableEntity>>(StringComparer.Ordinal);
        var done = 0;
        await Parallel.ForEachAsync(
            ids,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                var user = template with { UserId = id };
                var owner = ScheduleKey.UserOwner(user);
                var copy = Copy(profile, TableKeys.ForUser(user), TableKeys.ForUser(user));
                copy["UserId"] = id;
                copy["DisplayName"] = "Bench " + id;
                await users.AddEntityAsync(copy, token);

                var actions = entries.Select(p =>
                {
                    var entry = Copy(p, TableKeys.Encode(owner), AzureTablesDueIndex.RowKeyOf(new ScheduleKey(owner, p.GetString("Name"))));
                    entry["Owner"] = owner;
                    return new TableTransactionAction(TableTransactionActionType.Add, entry);
                }).ToList();
                await schedules.SubmitTransactionAsync(actions, token);

                foreach (var (row, name, isPointer) in dueRows)
                {
                    var key = new ScheduleKey(owner, name);
                    var rowKey = isPointer
                        ? AzureTablesDueIndex.PointerRowKey(key)
                        : AzureTablesDueIndex.DueRowKey(key, new Occurrence(row.GetString("Kind"), row.GetString("OccurrenceId"), row.GetDateTimeOffset("DueAt")!.Value, row.GetDateTimeOffset("Deadline")!.Value));
                    var dueCopy = Copy(row, AzureTablesDueIndex.PartitionOf(key), rowKey);
                    dueCopy["Owner"] = owner;
                    pendingDue.GetOrAdd(dueCopy.PartitionKey, _ => []).Add(dueCopy);
                }

                if (Interlocked.Increment(ref done) % 5_000 == 0)
                {
                    Console.WriteLine($"  copied {done:N0}/{ids.Count:N0} profiles and schedules in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
                }
            });

        var batches = pendingDue.SelectMany(p => p.Value.Chunk(CoachBotTables.MaxTransactionActions)).ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, token) => await due.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), token));
        return Stopwatch.GetElapsedTime(started);
    }

    private TableClient Table(string name) => _service.GetTableClient(_tables.GetTableName(name));

    private static TableEntity Copy(TableEntity source, string partitionKey, string rowKey)
    {
        var copy = new TableEntity(partitionKey, rowKey);
        foreach (var (column, value) in source)
        {
            if (!SystemColumns.Contains(column) && !column.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                copy[column] = value;
            }
        }

        return copy;
    }
}
