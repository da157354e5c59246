using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;

namespace CoachBot.Storage.OneOnOnes;

/// <summary>
/// <see cref="IOneOnOneStore"/> on two tables. OneOnOnes: PartitionKey = encoded pairing id, holding the
/// <c>pairing</c> row (its ETag is the version) and <c>note|</c>, <c>item|</c>, <c>question|</c> and <c>held|</c> rows, so one
/// partition query lists a pairing's notes or items. OneOnOneIndex: a row per participant (PartitionKey = encoded user
/// key, RowKey = pairing id), so each side finds its pairings with one partition query.
/// </summary>
public sealed class AzureTablesOneOnOneStore : IOneOnOneStore
{
    private const string PairingRow = "pairing";
    private const string NotePrefix = "note|";
    private const string ItemPrefix = "item|";
    private const string QuestionPrefix = "question|";
    private const string HeldPrefix = "held|";

    private readonly CoachBotTables _tables;

    public AzureTablesOneOnOneStore(CoachBotTables tables) => _tables = tables;

    public async Task<Pairing?> GetPairingAsync(string pairingId, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<PairingEntity>(StorageTableNames.OneOnOnes, Key(pairingId), PairingRow, cancellationToken);
        return row?.ToPairing();
    }

    public async Task<IReadOnlyList<Pairing>> ListPairingsAsync(UserRef participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var index = await _tables.QueryAsync<PairingIndexEntity>(
            StorageTableNames.OneOnOneIndex,
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.ForUser(participant)}"),
            select: null,
            cancellationToken);
        var pairings = new List<Pairing>();
        foreach (var entry in index)
        {
            // An index row can outlive a failed insert of its pairing; such rows point at nothing and are skipped.
            if (await GetPairingAsync(entry.PairingId, cancellationToken) is { } pairing && pairing.Includes(participant))
            {
                pairings.Add(pairing);
            }
        }

        return [.. pairings.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }

    public async Task<Pairing> SavePairingAsync(Pairing pairing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        var row = PairingEntity.From(pairing, PairingRow);
        row.PartitionKey = Key(pairing.Id);
        if (pairing.Version is not null)
        {
            var etag = await _tables.UpdateEntityAsync(StorageTableNames.OneOnOnes, row, new ETag(pairing.Version), cancellationToken);
            return pairing with { Version = etag.ToString() };
        }

        // Index rows first: if the pairing insert then fails, the index points at nothing (skipped when listing)
        // rather than a pairing one side cannot find.
        await _tables.UpsertEntityAsync(StorageTableNames.OneOnOneIndex, PairingIndexEntity.For(pairing.Manager, pairing.Id), cancellationToken);
        await _tables.UpsertEntityAsync(StorageTableNames.OneOnOneIndex, PairingIndexEntity.For(pairing.Report, pairing.Id), cancellationToken);
        var added = await _tables.TryAddEntityAsync(StorageTableNames.OneOnOnes, row, cancellationToken)
            ?? throw new ConcurrencyConflictException($"Pairing {pairing.Id} exists already; re-read it and apply the change to that one.");
        return pairing with { Version = added.ToString() };
    }

    public Task RemoveParticipantAsync(UserRef participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return _tables.DeletePartitionAsync(StorageTableNames.OneOnOneIndex, TableKeys.ForUser(participant), cancellationToken);
    }

    public async Task<bool> AddNoteAsync(MeetingNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var row = MeetingNoteEntity.From(note, NotePrefix + TableKeys.Encode(note.Id, TableKeys.MaxKeyLength - NotePrefix.Length));
        row.PartitionKey = Key(note.PairingId);
        return await _tables.TryAddEntityAsync(StorageTableNames.OneOnOnes, row, cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<MeetingNote>> ListNotesAsync(string pairingId, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync<MeetingNoteEntity>(pairingId, NotePrefix, cancellationToken);
        return [.. rows.Select(r => r.ToNote()).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id, StringComparer.Ordinal)];
    }

    public Task DeleteNoteAsync(string pairingId, string noteId, CancellationToken cancellationToken) =>
        _tables.DeleteEntityAsync(
            StorageTableNames.OneOnOnes, Key(pairingId), NotePrefix + TableKeys.Encode(noteId, TableKeys.MaxKeyLength - NotePrefix.Length), cancellationToken);

    public async Task<bool> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var row = ActionItemEntity.From(item, ItemKey(item.Number));
        row.PartitionKey = Key(item.PairingId);
        return await _tables.TryAddEntityAsync(StorageTableNames.OneOnOnes, row, cancellationToken) is not null;
    }

    public async Task<ActionItem> UpdateActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Version is null)
        {
            throw new ConcurrencyConflictException($"Action item {item.Number} was never read from the store.");
        }

        var row = ActionItemEntity.From(item, ItemKey(item.Number));
        row.PartitionKey = Key(item.PairingId);
        var etag = await _tables.UpdateEntityAsync(StorageTableNames.OneOnOnes, row, new ETag(item.Version), cancellationToken);
        return item with { Version = etag.ToString() };
    }

    public async Task<IReadOnlyList<ActionItem>> ListActionItemsAsync(string pairingId, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync<ActionItemEntity>(pairingId, ItemPrefix, cancellationToken);
        return [.. rows.Select(r => r.ToItem()).OrderBy(i => i.Number)];
    }

    public Task DeleteActionItemAsync(string pairingId, int number, CancellationToken cancellationToken) =>
        _tables.DeleteEntityAsync(StorageTableNames.OneOnOnes, Key(pairingId), ItemKey(number), cancellationToken);

    public async Task RecordQuestionsAsync(IReadOnlyList<AskedQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        foreach (var question in questions)
        {
            var row = AskedQuestionEntity.From(question, QuestionKey(question));
            row.PartitionKey = Key(question.PairingId);

            // Insert-only: recording the same question for the same meeting again keeps the first record.
            await _tables.TryAddEntityAsync(StorageTableNames.OneOnOnes, row, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<AskedQuestion>> ListQuestionsAsync(string pairingId, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync<AskedQuestionEntity>(pairingId, QuestionPrefix, cancellationToken);
        return [.. rows.Select(r => r.ToQuestion()).OrderBy(q => q.MeetingDate).ThenBy(q => q.Order)];
    }

    public async Task MarkHeldAsync(string pairingId, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        var row = new HeldMeetingEntity
        {
            PartitionKey = Key(pairingId),
            RowKey = HeldPrefix + meetingDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            PairingId = pairingId,
            MeetingDate = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        // Insert-only: a second confirmation of the same meeting keeps the first.
        await _tables.TryAddEntityAsync(StorageTableNames.OneOnOnes, row, cancellationToken);
    }

    public async Task<IReadOnlyList<DateOnly>> ListHeldAsync(string pairingId, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync<HeldMeetingEntity>(pairingId, HeldPrefix, cancellationToken);
        return [.. rows.Select(r => r.ToDate()).Order()];
    }

    private Task<IReadOnlyList<T>> RowsAsync<T>(string pairingId, string prefix, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        // '}' follows '|' in ordinal order, so [prefix, prefix with '}') is exactly the rows starting with the prefix.
        var end = prefix[..^1] + "}";
        return _tables.QueryAsync<T>(
            StorageTableNames.OneOnOnes,
            TableClient.CreateQueryFilter($"PartitionKey eq {Key(pairingId)} and RowKey ge {prefix} and RowKey lt {end}"),
            select: null,
            cancellationToken);
    }

    private static string Key(string pairingId) => TableKeys.Encode(pairingId);

    private static string ItemKey(int number) => ItemPrefix + number.ToString("D6", CultureInfo.InvariantCulture);

    private static string QuestionKey(AskedQuestion q) =>
        QuestionPrefix + q.MeetingDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "|"
        + TableKeys.Encode(q.QuestionId, TableKeys.MaxKeyLength - QuestionPrefix.Length - 9);
}
