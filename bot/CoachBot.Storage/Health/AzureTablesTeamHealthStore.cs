using System.Text.Json;
using Azure.Data.Tables;
using CoachBot.Core.Health;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Health;

/// <summary>
/// <see cref="ITeamHealthStore"/> on the TeamHealth table: PartitionKey = encoded lead key, RowKey = the ISO week.
/// A week is inserted once and never replaced, so the first figures a lead saw stay what they see. Cells are one JSON
/// column: counts of three or more people only, never a person.
/// </summary>
public sealed class AzureTablesTeamHealthStore : ITeamHealthStore
{
    private readonly CoachBotTables _tables;

    public AzureTablesTeamHealthStore(CoachBotTables tables) => _tables = tables;

    public async Task<IReadOnlyDictionary<string, HealthWeek>> GetWeeksAsync(UserRef lead, IReadOnlyList<string> weeks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(weeks);
        var wanted = weeks.ToHashSet(StringComparer.Ordinal);
        var rows = await _tables.QueryAsync<TeamHealthWeekEntity>(
            StorageTableNames.TeamHealth,
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.ForUser(lead)}"),
            select: null,
            cancellationToken);
        return rows.Where(r => wanted.Contains(r.RowKey)).Select(r => r.ToWeek()).ToDictionary(w => w.Week, StringComparer.Ordinal);
    }

    public async Task<HealthWeek> FreezeAsync(UserRef lead, HealthWeek week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(week);
        var row = TeamHealthWeekEntity.From(lead, week);
        if (await _tables.TryAddEntityAsync(StorageTableNames.TeamHealth, row, cancellationToken) is not null)
        {
            return week;
        }

        // Another request froze it first: theirs stands.
        var stored = await _tables.GetEntityOrDefaultAsync<TeamHealthWeekEntity>(StorageTableNames.TeamHealth, row.PartitionKey, row.RowKey, cancellationToken);
        return stored?.ToWeek() ?? week;
    }

    public async Task<IReadOnlySet<string>> GetShownAsync(UserRef lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var rows = await _tables.QueryAsync<TeamHealthShownEntity>(
            StorageTableNames.TeamHealth,
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.ForUser(lead)}"),
            select: null,
            cancellationToken);
        return rows.Where(r => r.RowKey.StartsWith(TeamHealthShownEntity.Prefix, StringComparison.Ordinal)).Select(r => r.MemberKey).ToHashSet(StringComparer.Ordinal);
    }

    public async Task MarkShownAsync(UserRef lead, IReadOnlyCollection<UserRef> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(members);
        foreach (var member in members)
        {
            // Insert-only: a row already there (shown before) stays as it is.
            await _tables.TryAddEntityAsync(StorageTableNames.TeamHealth, TeamHealthShownEntity.From(lead, member), cancellationToken);
        }
    }

    public Task DeleteAllAsync(UserRef lead, CancellationToken cancellationToken) =>
        _tables.DeletePartitionAsync(StorageTableNames.TeamHealth, TableKeys.ForUser(lead), cancellationToken);
}

/// <summary>A member whose own numbers were shown to the lead (RowKey = <see cref="Prefix"/> + the encoded member key).</summary>
internal sealed class TeamHealthShownEntity : UserTableRow
{
    public const string Prefix = "shown-";

    public string MemberKey { get; set; } = string.Empty;

    public static TeamHealthShownEntity From(UserRef lead, UserRef member)
    {
        var row = Create<TeamHealthShownEntity>(lead, TableKeys.ForUser(lead), Prefix + TableKeys.ForUser(member));
        row.MemberKey = member.Key;
        return row;
    }
}

/// <summary>One frozen week of a lead.</summary>
internal sealed class TeamHealthWeekEntity : UserTableRow
{
    public string Cells { get; set; } = "{}";

    public static TeamHealthWeekEntity From(UserRef lead, HealthWeek week)
    {
        var row = Create<TeamHealthWeekEntity>(lead, TableKeys.ForUser(lead), week.Week);
        row.Cells = JsonSerializer.Serialize(week.Cells.ToDictionary(c => c.Key, c => new CellColumn(c.Value.Contributors, c.Value.Numerator, c.Value.Denominator, [.. c.Value.Parts])));
        return row;
    }

    public HealthWeek ToWeek()
    {
        var cells = JsonSerializer.Deserialize<Dictionary<string, CellColumn>>(Cells) ?? [];
        return new HealthWeek(RowKey, cells.ToDictionary(c => c.Key, c => new HealthCell(c.Value.C, c.Value.N, c.Value.D, c.Value.P ?? []), StringComparer.Ordinal));
    }

    /// <summary>Short names keep the column small.</summary>
    private sealed record CellColumn(int C, int N, int D, int[]? P);
}
