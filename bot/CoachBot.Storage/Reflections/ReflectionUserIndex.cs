using Azure;
using Azure.Data.Tables;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Reflections;

/// <summary>
/// The ReflectionsByUser table (docs/decisions/0022-reflection-index-rows.md): one partition per user, holding a row
/// per reflection the user leads and per channel they are a member of, so `reflect`, `export` and `team reflection
/// status` read one partition instead of scanning ReflectionTeams or ReflectionMembers. Writers add an index row
/// before its primary row and remove it after, so a crash leaves a stale index row (which readers check against the
/// primary row and skip), never a missing one.
/// </summary>
internal sealed class ReflectionUserIndex
{
    /// <summary>The user leads the channel's reflection (ReflectionTeams row).</summary>
    public const string Lead = "lead";

    /// <summary>The user is a recorded member of the channel (ReflectionMembers row).</summary>
    public const string Member = "member";

    // No '|', so it can never be a user's partition (every UserRef.Key has two).
    private const string MarkerPartition = "backfill";
    private const string MarkerRow = "done";

    private readonly CoachBotTables _tables;

    // Once the backfill is done it stays done: remembered so a ready store reads the marker only once.
    private volatile bool _ready;

    public ReflectionUserIndex(CoachBotTables tables) => _tables = tables;

    /// <summary>Writes (or rewrites) the row saying <paramref name="user"/> has <paramref name="kind"/> in the channel.</summary>
    public Task AddAsync(string kind, UserRef user, TeamChannel channel, CancellationToken cancellationToken) =>
        _tables.UpsertEntityAsync(StorageTableNames.ReflectionsByUser, ReflectionIndexEntity.For(kind, user, channel), cancellationToken);

    /// <summary>The channels the user's index rows of <paramref name="kind"/> point at; one partition query.</summary>
    public async Task<IReadOnlyList<TeamChannel>> ListAsync(string kind, UserRef user, CancellationToken cancellationToken)
    {
        // '}' follows '|' in ordinal order, so [kind|, kind}) is exactly the rows of that kind.
        var from = kind + "|";
        var until = kind + "}";
        var rows = await _tables.QueryAsync<ReflectionIndexEntity>(
            StorageTableNames.ReflectionsByUser,
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.ForUser(user)} and RowKey ge {from} and RowKey lt {until}"),
            select: null,
            cancellationToken);
        return [.. rows.Select(r => r.ToChannel())];
    }

    /// <summary>The ETag of one index row, or null when there is none.</summary>
    public async Task<ETag?> GetETagAsync(string kind, UserRef user, TeamChannel channel, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<ReflectionIndexEntity>(
            StorageTableNames.ReflectionsByUser, TableKeys.ForUser(user), ReflectionIndexEntity.RowKeyFor(kind, channel), cancellationToken);
        return row?.ETag;
    }

    /// <summary>
    /// Deletes the index row only if it still has <paramref name="etag"/>: a writer that rewrote it meanwhile (about to
    /// make the user lead again) keeps it. Losing that race leaves a stale row, which readers skip.
    /// </summary>
    public async Task DeleteIfUnchangedAsync(string kind, UserRef user, TeamChannel channel, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await _tables.ExecuteAsync(
                StorageTableNames.ReflectionsByUser,
                "delete",
                (client, token) => client.DeleteEntityAsync(TableKeys.ForUser(user), ReflectionIndexEntity.RowKeyFor(kind, channel), etag, token),
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
        }
    }

    /// <summary>Deletes every index row of the user (`forget me`).</summary>
    public Task DeleteUserAsync(UserRef user, CancellationToken cancellationToken) =>
        _tables.DeletePartitionAsync(StorageTableNames.ReflectionsByUser, TableKeys.ForUser(user), cancellationToken);

    /// <summary>
    /// True once every row written before the index existed has its index row (the backfill's marker); until then
    /// readers use the old scans.
    /// </summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            _ready = await _tables.GetEntityOrDefaultAsync<TableEntity>(
                StorageTableNames.ReflectionsByUser, MarkerPartition, MarkerRow, cancellationToken) is not null;
        }

        return _ready;
    }

    /// <summary>
    /// Writes the missing index row of every set-up and membership, then the marker. Insert-only: an existing index row
    /// is as new as the primary row or newer, and keeping its ETag keeps a lead change's conditional delete working.
    /// Idempotent, so replicas starting together may all run it.
    /// </summary>
    /// <returns>How many index rows were written, or null when the marker said it was done already.</returns>
    public async Task<int?> BackfillAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await IsReadyAsync(cancellationToken))
        {
            return null;
        }

        // The one-time scans this index replaces (see the ADR); every later read is a partition query.
        var written = 0;
        var setUps = await _tables.QueryAsync<TeamReflectionEntity>(StorageTableNames.ReflectionTeams, filter: string.Empty, select: null, cancellationToken);
        foreach (var reflection in setUps.Select(r => r.ToReflection()))
        {
            written += await TryAddAsync(ReflectionIndexEntity.For(Lead, reflection.Lead, reflection.Channel), cancellationToken);
        }

        var memberships = await _tables.QueryAsync<ReflectionMemberEntity>(StorageTableNames.ReflectionMembers, filter: string.Empty, select: null, cancellationToken);
        foreach (var membership in memberships)
        {
            written += await TryAddAsync(ReflectionIndexEntity.For(Member, membership.ToMember(), membership.ToChannel()), cancellationToken);
        }

        await _tables.UpsertEntityAsync(
            StorageTableNames.ReflectionsByUser, new TableEntity(MarkerPartition, MarkerRow) { ["CompletedAt"] = now }, cancellationToken);
        _ready = true;
        return written;
    }

    private async Task<int> TryAddAsync(ReflectionIndexEntity row, CancellationToken cancellationToken) =>
        await _tables.TryAddEntityAsync(StorageTableNames.ReflectionsByUser, row, cancellationToken) is null ? 0 : 1;
}
