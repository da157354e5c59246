using System.Globalization;
using Azure.Data.Tables;
using CoachBot.Core.Habits;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Habits;

/// <summary>
/// <see cref="IProgressStore"/> on the Practice table. PartitionKey = encoded <see cref="UserRef.Key"/>; each entry is
/// two rows written in one transaction:
/// <list type="bullet">
/// <item><c>{yyyyMMdd}-{encoded id}</c>, the entry, so a date range is a RowKey range query;</item>
/// <item><c>id-{encoded id}</c>, a marker that makes the id unique per user whatever the date (a retried message that
/// crosses local midnight must still record nothing twice). Markers sort after every dated row, outside any range.</item>
/// </list>
/// </summary>
public sealed class AzureTablesProgressStore : IProgressStore
{
    private const string DateFormat = "yyyyMMdd";
    private const string IdMarkerPrefix = "id-";

    private readonly CoachBotTables _tables;

    public AzureTablesProgressStore(CoachBotTables tables) => _tables = tables;

    public Task<bool> AddAsync(PracticeEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var partitionKey = TableKeys.ForUser(entry.User);
        var entryRowKey = $"{FormatDate(entry.LocalDate)}-{TableKeys.Encode(entry.Id, TableKeys.MaxKeyLength - DateFormat.Length - 1)}";
        var marker = new TableEntity(partitionKey, IdMarkerPrefix + TableKeys.Encode(entry.Id, TableKeys.MaxKeyLength - IdMarkerPrefix.Length))
        {
            ["EntryRowKey"] = entryRowKey,
        };

        return _tables.TryAddAllAsync(
            StorageTableNames.Practice, [marker, PracticeEntryEntity.From(entry, partitionKey, entryRowKey)], cancellationToken);
    }

    public async Task<IReadOnlyList<PracticeEntry>> ListAsync(
        UserRef user, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken)
    {
        if (fromDate > toDate)
        {
            return [];
        }

        var partitionKey = TableKeys.ForUser(user);
        var from = FormatDate(fromDate);

        // Exclusive upper bound: the day after toDate. '9' + anything sorts after every yyyyMMdd of year 9999.
        var until = toDate == DateOnly.MaxValue ? "99999" : FormatDate(toDate.AddDays(1));
        var rows = await _tables.QueryAsync<PracticeEntryEntity>(
            StorageTableNames.Practice,
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {until}"),
            select: null,
            cancellationToken);

        return
        [
            .. rows.Select(row => row.ToEntry())
                .OrderBy(entry => entry.LocalDate)
                .ThenBy(entry => entry.RecordedAt)
                .ThenBy(entry => entry.Id, StringComparer.Ordinal),
        ];
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken) =>
        _tables.DeletePartitionAsync(StorageTableNames.Practice, TableKeys.ForUser(user), cancellationToken);

    private static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
