using Azure.Data.Tables;

namespace CoachBot.Testing;

/// <summary>
/// Reads every row of every table of one test's prefix, listed from the storage account rather than from a list in
/// code, so a table added later is covered without touching the tests (issue 13's "nothing left behind" checks).
/// </summary>
public static class AccountScan
{
    /// <summary>
    /// Every row, in every table named <paramref name="tablePrefix"/>*, whose keys or string columns contain any of
    /// <paramref name="needles"/> (ignoring case), as <c>table: pk / rk</c> with the prefix taken off the table name.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RowsContainingAsync(string connectionString, string tablePrefix, params string[] needles)
    {
        var service = new TableServiceClient(connectionString);
        var found = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var texts = entity.Select(column => column.Value).OfType<string>().Prepend(entity.RowKey).Prepend(entity.PartitionKey);
                if (texts.Any(t => needles.Any(n => t.Contains(n, StringComparison.OrdinalIgnoreCase))))
                {
                    found.Add($"{table.Name[tablePrefix.Length..]}: {entity.PartitionKey} / {entity.RowKey}");
                }
            }
        }

        return found;
    }
}
