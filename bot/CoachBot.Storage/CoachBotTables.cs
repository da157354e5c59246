using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using CoachBot.Core.Storage;
using CoachBot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage;

/// <summary>
/// The one door to Table Storage. Owns the service client, names tables <c>{prefix}{Name}</c>, and runs every call
/// through <see cref="ExecuteAsync{T}"/>, which recreates a missing table, turns outages into
/// <see cref="StoreUnavailableException"/>, and records a span and a duration per call. Stores use the typed helpers
/// (<see cref="TryAddEntityAsync"/>, <see cref="UpdateEntityAsync"/>, ...) so the conflict semantics live here too.
/// </summary>
public sealed class CoachBotTables
{
    /// <summary>Batch limit of an entity group transaction.</summary>
    public const int MaxTransactionActions = 100;

    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, TableClient> _clients = new(StringComparer.Ordinal);

    public CoachBotTables(IOptions<StorageOptions> options)
        : this(options, perCallPolicy: null)
    {
    }

    /// <summary>
    /// Tests add a policy that sees every request (e.g. to prove that a query names its partition); DI only ever uses
    /// the public constructor.
    /// </summary>
    internal CoachBotTables(IOptions<StorageOptions> options, HttpPipelinePolicy? perCallPolicy)
    {
        ArgumentNullException.ThrowIfNull(options);
        _prefix = options.Value.TablePrefix;
        var clientOptions = CreateClientOptions();
        if (perCallPolicy is not null)
        {
            clientOptions.AddPolicy(perCallPolicy, HttpPipelinePosition.PerCall);
        }

        // Keyless: a token from the managed identity (or az login on a laptop); the account key is never configured.
        _service = options.Value.IsKeyless
            ? new TableServiceClient(new Uri(options.Value.ServiceUri!), new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(options.Value.ConnectionString, clientOptions);
        Endpoint = new UriBuilder(_service.Uri) { Query = string.Empty }.Uri;
    }

    /// <summary>The account's table endpoint, without any key or SAS: safe to log.</summary>
    public Uri Endpoint { get; }

    /// <summary>The physical name of a logical table, e.g. <c>coachbotUsers</c>.</summary>
    public string GetTableName(string table) => _prefix + table;

    /// <summary>Creates every table in <see cref="StorageTableNames.All"/> that does not exist yet.</summary>
    /// <exception cref="StoreUnavailableException">Storage did not answer.</exception>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(StorageTableNames.All.Select(table => MeasureAsync(
            table,
            "create",
            token => GetClient(table).CreateIfNotExistsAsync(token),
            cancellationToken)));

    /// <summary>A cheap live call (first page of the table list, one item) that proves storage answers.</summary>
    /// <exception cref="StoreUnavailableException">Storage did not answer.</exception>
    public Task ProbeAsync(CancellationToken cancellationToken) =>
        MeasureAsync(
            "tables",
            "probe",
            async token =>
            {
                await using var pages = _service.QueryAsync(maxPerPage: 1, cancellationToken: token).AsPages().GetAsyncEnumerator(token);
                return await pages.MoveNextAsync();
            },
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="call"/> against one table. A 404 TableNotFound creates the table and retries once (an
    /// in-memory Azurite that restarted, or a table deleted by hand, must not need a host restart). Outages become
    /// <see cref="StoreUnavailableException"/>; other <see cref="RequestFailedException"/>s (409, 412, 404 of an
    /// entity, 400) reach the caller unchanged.
    /// </summary>
    public Task<T> ExecuteAsync<T>(
        string table, string operation, Func<TableClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var client = GetClient(table);
        return MeasureAsync(
            table,
            operation,
            async token =>
            {
                try
                {
                    return await call(client, token);
                }
                catch (RequestFailedException e) when (StorageFailures.IsTableNotFound(e))
                {
                    await client.CreateIfNotExistsAsync(token);
                    return await call(client, token);
                }
            },
            cancellationToken);
    }

    /// <summary>Inserts the entity unless a row with its keys exists (insert-only: ledgers, dedupe, first save).</summary>
    /// <returns>The new row's ETag, or null when the row already existed (409); nothing changed then.</returns>
    public async Task<ETag?> TryAddEntityAsync(string table, ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ExecuteAsync(table, "insert", (client, token) => client.AddEntityAsync(entity, token), cancellationToken);
            return response.Headers.ETag.GetValueOrDefault();
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Inserts all entities (same partition, at most <see cref="MaxTransactionActions"/>) atomically.</summary>
    /// <returns>False when any of the rows already existed (409); then none was written.</returns>
    public async Task<bool> TryAddAllAsync(string table, IReadOnlyList<ITableEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entities.Count, MaxTransactionActions);
        var actions = entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList();
        try
        {
            await ExecuteAsync(table, "insert-batch", (client, token) => client.SubmitTransactionAsync(actions, token), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="actions"/> (one partition, at most <see cref="MaxTransactionActions"/>) as one transaction:
    /// all of them or none. A failed condition (409 exists, 412 changed, 404 gone) is an answer, not an exception.
    /// </summary>
    public async Task<TransactionOutcome> SubmitAsync(string table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(actions.Count, MaxTransactionActions);
        try
        {
            var response = await ExecuteAsync(table, "transaction", (client, token) => client.SubmitTransactionAsync(actions, token), cancellationToken);
            return new TransactionOutcome(null, 0, [.. response.Value.Select(r => r.Headers.ETag.GetValueOrDefault())]);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return new TransactionOutcome(e.FailedTransactionActionIndex ?? -1, e.Status, []);
        }
    }

    /// <summary>Replaces the row only if it still has <paramref name="ifMatch"/> (optimistic concurrency).</summary>
    /// <returns>The row's new ETag.</returns>
    /// <exception cref="ConcurrencyConflictException">The row changed (412) or was deleted (404) since it was read.</exception>
    public async Task<ETag> UpdateEntityAsync(string table, ITableEntity entity, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ExecuteAsync(
                table,
                "update",
                (client, token) => client.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, token),
                cancellationToken);
            return response.Headers.ETag.GetValueOrDefault();
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException(
                $"The {table} row changed or disappeared since it was read (HTTP {e.Status}); re-read it and apply the change again.", e);
        }
    }

    /// <summary>Inserts or replaces the row, whatever is stored.</summary>
    public Task UpsertEntityAsync(string table, ITableEntity entity, CancellationToken cancellationToken) =>
        ExecuteAsync(table, "upsert", (client, token) => client.UpsertEntityAsync(entity, TableUpdateMode.Replace, token), cancellationToken);

    /// <summary>The row, or null when it (or its table) does not exist.</summary>
    public Task<T?> GetEntityOrDefaultAsync<T>(string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity, new() =>
        ExecuteAsync(
            table,
            "get",
            async (client, token) =>
            {
                var response = await client.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: token);
                return response.HasValue ? response.Value : null;
            },
            cancellationToken);

    /// <summary>Deletes the row; a missing row is not an error (the SDK returns 404 without throwing).</summary>
    public Task DeleteEntityAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        ExecuteAsync(table, "delete", (client, token) => client.DeleteEntityAsync(partitionKey, rowKey, ETag.All, token), cancellationToken);

    /// <summary>
    /// Every row matching <paramref name="filter"/>, following continuation tokens to the end. Build the filter with
    /// <see cref="TableClient.CreateQueryFilter(FormattableString)"/> only.
    /// </summary>
    public Task<IReadOnlyList<T>> QueryAsync<T>(
        string table, string filter, IEnumerable<string>? select, CancellationToken cancellationToken)
        where T : class, ITableEntity, new() =>
        QueryFirstAsync<T>(table, filter, select, int.MaxValue, cancellationToken);

    /// <summary>
    /// The first <paramref name="max"/> rows matching <paramref name="filter"/> in the service's order (by
    /// PartitionKey, then RowKey); later pages are not read.
    /// </summary>
    public Task<IReadOnlyList<T>> QueryFirstAsync<T>(
        string table, string filter, IEnumerable<string>? select, int max, CancellationToken cancellationToken)
        where T : class, ITableEntity, new() =>
        ExecuteAsync<IReadOnlyList<T>>(
            table,
            "query",
            async (client, token) =>
            {
                var rows = new List<T>();
                await foreach (var row in client.QueryAsync<T>(filter, maxPerPage: Math.Min(max, 1000), select, token))
                {
                    rows.Add(row);
                    if (rows.Count >= max)
                    {
                        break;
                    }
                }

                return rows;
            },
            cancellationToken);

    /// <summary>Deletes every row of a partition in transactions of at most <see cref="MaxTransactionActions"/>.</summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> DeletePartitionAsync(string table, string partitionKey, CancellationToken cancellationToken)
    {
        var keys = await QueryAsync<TableEntity>(
            table, TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), KeyColumns, cancellationToken);

        foreach (var chunk in keys.Chunk(MaxTransactionActions))
        {
            var actions = chunk
                .Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), ETag.All))
                .ToList();
            try
            {
                await ExecuteAsync(table, "delete-batch", (client, token) => client.SubmitTransactionAsync(actions, token), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Someone deleted one of these rows meanwhile, which fails the whole transaction; single deletes
                // ignore missing rows.
                foreach (var row in chunk)
                {
                    await DeleteEntityAsync(table, row.PartitionKey, row.RowKey, cancellationToken);
                }
            }
        }

        return keys.Count;
    }

    private TableClient GetClient(string table) => _clients.GetOrAdd(table, name => _service.GetTableClient(_prefix + name));

    private static async Task<T> MeasureAsync<T>(
        string table, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var activity = CoachBotTelemetry.Source.StartActivity($"storage.{table}.{operation}", ActivityKind.Client);
        activity?.SetTag("coachbot.storage.table", table);
        activity?.SetTag("coachbot.storage.operation", operation);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception e)
        {
            outcome = Classify(e, cancellationToken);
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            if (outcome == "unavailable")
            {
                throw new StoreUnavailableException(
                    $"Table Storage did not complete {table}.{operation}: {StorageFailures.Reason(e)}. Nothing was written; try again shortly.", e);
            }

            throw;
        }
        finally
        {
            activity?.SetTag("coachbot.storage.outcome", outcome);
            CoachBotTelemetry.StorageCallDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                new KeyValuePair<string, object?>("table", table),
                new KeyValuePair<string, object?>("operation", operation),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private static string Classify(Exception e, CancellationToken cancellationToken) => e switch
    {
        _ when StorageFailures.IsUnavailable(e, cancellationToken) => "unavailable",
        OperationCanceledException => "cancelled",
        RequestFailedException { Status: 409 or 412 } => "conflict",
        RequestFailedException { Status: 404 } => "not_found",
        _ => "error",
    };

    private static TableClientOptions CreateClientOptions()
    {
        var options = new TableClientOptions();

        // A chat turn waits on these calls: a few quick retries ride out a blip, and a short network timeout makes a
        // dead or black-holed endpoint fail in seconds (about 10 s worst case) instead of the SDK's 100 s per try.
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(3);

        // Bodies hold user notes and bot tokens: never let the SDK's event source log them. The SDK already redacts
        // the Authorization header and query values such as sig=.
        options.Diagnostics.IsLoggingContentEnabled = false;
        return options;
    }
}
