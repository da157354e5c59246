using Azure.Data.Tables;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Skills;

/// <summary>
/// <see cref="ISkillStore"/> on the Skills table: PartitionKey = encoded <see cref="UserRef.Key"/>, RowKey = the month
/// as <c>yyyy-MM</c>, so a second assessment of the same month replaces the first and a partition scan is already in
/// month order. The month is stored as its first day whatever day the caller passed.
/// </summary>
public sealed class AzureTablesSkillStore : ISkillStore
{
    private readonly CoachBotTables _tables;

    public AzureTablesSkillStore(CoachBotTables tables) => _tables = tables;

    public Task SaveAsync(SkillAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var row = SkillAssessmentEntity.From(
            assessment, TableKeys.ForUser(assessment.User), SkillAssessmentEntity.FormatMonth(assessment.Month));
        return _tables.UpsertEntityAsync(StorageTableNames.Skills, row, cancellationToken);
    }

    public async Task<IReadOnlyList<SkillAssessment>> ListAsync(UserRef user, CancellationToken cancellationToken)
    {
        var rows = await _tables.QueryAsync<SkillAssessmentEntity>(
            StorageTableNames.Skills,
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.ForUser(user)}"),
            select: null,
            cancellationToken);

        // The service returns a partition in RowKey order already; sorting again keeps the promise explicit.
        return [.. rows.Select(row => row.ToAssessment()).OrderBy(a => a.Month)];
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken) =>
        _tables.DeletePartitionAsync(StorageTableNames.Skills, TableKeys.ForUser(user), cancellationToken);
}
