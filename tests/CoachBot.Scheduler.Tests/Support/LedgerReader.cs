using Azure.Data.Tables;
using CoachBot.Storage;

namespace CoachBot.Scheduler.Tests.Support;

/// <summary>Reads the delivery ledger the replicas wrote: which users have a row for an occurrence key.</summary>
public static class LedgerReader
{
    /// <summary>The users (keys, e.g. <c>local|local|u00042</c>) with a ledger row for a habit nudge (<c>nudge:{date}</c>).</summary>
    public static async Task<IReadOnlySet<string>> UsersWithNudgeAsync(CoachBotTables tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);

        // Every key from "nudge:" up to, not including, "nudge;" (';' follows ':').
        var rows = await tables.QueryAsync<TableEntity>(
            StorageTableNames.Ledger, TableClient.CreateQueryFilter($"RowKey ge {"nudge:"} and RowKey lt {"nudge;"}"), ["PartitionKey", "RowKey"], cancellationToken);

        // A user's keys live in the user's partition, TableKeys.ForUser(user) = the encoded user key; the test users'
        // keys need no escaping.
        return rows.Select(r => r.PartitionKey).ToHashSet(StringComparer.Ordinal);
    }
}
