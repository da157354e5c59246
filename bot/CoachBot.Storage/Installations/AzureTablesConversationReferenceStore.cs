using CoachBot.Core.Installations;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Installations;

/// <summary>
/// <see cref="IConversationReferenceStore"/> on the ConversationRefs table: PartitionKey = encoded
/// <see cref="UserRef.Key"/>, RowKey = <c>reference</c>.
/// </summary>
public sealed class AzureTablesConversationReferenceStore : IConversationReferenceStore
{
    private const string ReferenceRowKey = "reference";

    private readonly CoachBotTables _tables;

    public AzureTablesConversationReferenceStore(CoachBotTables tables) => _tables = tables;

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var row = ConversationReferenceEntity.From(reference, TableKeys.ForUser(reference.User), ReferenceRowKey);
        return _tables.UpsertEntityAsync(StorageTableNames.ConversationRefs, row, cancellationToken);
    }

    public async Task<ConversationReference?> GetAsync(UserRef user, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<ConversationReferenceEntity>(
            StorageTableNames.ConversationRefs, TableKeys.ForUser(user), ReferenceRowKey, cancellationToken);
        return row?.ToReference();
    }

    public Task DeleteAsync(UserRef user, CancellationToken cancellationToken) =>
        _tables.DeleteEntityAsync(StorageTableNames.ConversationRefs, TableKeys.ForUser(user), ReferenceRowKey, cancellationToken);
}
