using System.Security.Cryptography;
using Azure.Data.Tables;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Storage.Reflections;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesReflectionStoreTests : ReflectionStoreContract
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;

    public AzureTablesReflectionStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task SaveOwnAnswerAsync_ReadingEveryTable_NothingLinksTheAnswerToItsAuthorWithoutTheKey()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var tables = await _azurite.CreateTablesAsync();
        var store = new AzureTablesReflectionStore(tables, AnswerKey(tables, key));
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var author = new UserRef("slack", "T" + tag, "UAUTHOR" + tag);
        var channel = new TeamChannel("slack", "T" + tag, "C" + tag);
        var text = "answertext" + tag;
        await store.AddMemberAsync(channel, author, None);
        await store.TryAddRoundAsync(new ReflectionRound(channel, "2026-W48", Friday, Friday.AddDays(3), ["learned"], 1), None);

        await store.SaveOwnAnswerAsync(author, new ReflectionAnswer(channel, "2026-W48", [new AnswerPart("learned", text, true)], Friday), None);

        var rows = await RowsAsync(tables.GetTableName(string.Empty));
        var answer = Assert.Single(rows, r => r.Values.Contains(text));
        Assert.Equal(tables.GetTableName(StorageTableNames.ReflectionAnswers), answer.Table);
        Assert.DoesNotContain(author.UserId, answer.Text, StringComparison.Ordinal);

        // The only rows naming the author say they are in the channel (the member row and its index row); none holds
        // the answer's row id.
        Assert.All(rows.Where(r => r.Text.Contains(author.UserId, StringComparison.Ordinal)), r =>
        {
            Assert.Contains(r.Table, new[] { StorageTableNames.ReflectionMembers, StorageTableNames.ReflectionsByUser }.Select(tables.GetTableName));
            Assert.DoesNotContain(answer.RowKey, r.Text, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(rows, r => r.Table == tables.GetTableName(StorageTableNames.ReflectionAuthors));

        // The id is a keyed hash: the same key finds it again, any other key (or none) does not.
        var withKey = await AnswerKey(tables, key).RowKeyAsync(author, channel, "2026-W48", None);
        var otherKey = await AnswerKey(tables, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).RowKeyAsync(author, channel, "2026-W48", None);
        Assert.Equal(withKey, answer.RowKey);
        Assert.NotEqual(otherKey, answer.RowKey);
        Assert.Equal(text, Assert.Single(await store.ListOwnAnswersAsync(author, None)).Parts[0].Text);
    }

    [Fact]
    public async Task RowKeyAsync_NoKeyAgainstTheEmulator_GeneratesOneKeyAllReplicasShare()
    {
        var tables = await _azurite.CreateTablesAsync();
        var author = new UserRef("slack", "T1", "U1");
        var channel = new TeamChannel("slack", "T1", "C1");

        var first = await AnswerKey(tables, null).RowKeyAsync(author, channel, "2026-W48", None);
        var second = await AnswerKey(tables, null).RowKeyAsync(author, channel, "2026-W48", None);

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    protected override async Task<IReflectionStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();

        // As at a host's start: the backfill finds nothing older and marks the index ready, so reads use index rows.
        await new ReflectionIndexBackfill(tables, TimeProvider.System, NullLogger<ReflectionIndexBackfill>.Instance).RunOnceAsync(None);
        return new AzureTablesReflectionStore(tables, AnswerKey(tables, null));
    }

    private ReflectionAnswerKey AnswerKey(CoachBotTables tables, string? key) =>
        new(tables, Options.Create(new AnswerKeyOptions { ReflectionAnswerKey = key }), Options.Create(_azurite.CreateOptions()));

    private async Task<List<StoredRow>> RowsAsync(string prefix)
    {
        var service = new TableServiceClient(_azurite.ConnectionString);
        var rows = new List<StoredRow>();
        await foreach (var table in service.QueryAsync())
        {
            if (table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
                {
                    var values = entity.Select(c => c.Value).OfType<string>().Prepend(entity.RowKey).Prepend(entity.PartitionKey).ToList();
                    rows.Add(new StoredRow(table.Name, entity.RowKey, values, string.Join("\n", values)));
                }
            }
        }

        return rows;
    }

    private sealed record StoredRow(string Table, string RowKey, IReadOnlyList<string> Values, string Text);
}
