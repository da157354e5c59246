using Azure.Data.Tables;
using CoachBot.Core.Users;
using CoachBot.Storage.Users;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesUserStoreTests : UserStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly AzuriteFixture _azurite;

    public AzureTablesUserStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IUserStore> CreateStoreAsync()
    {
        var tables = await _azurite.CreateTablesAsync();
        return new AzureTablesUserStore(tables);
    }

    [Fact]
    public async Task GetAsync_ProfileUnderTheOldRowKey_IsMovedToTheNewOneAndStaysSavable()
    {
        var tables = await _azurite.CreateTablesAsync();
        var store = new AzureTablesUserStore(tables);
        var user = TestUsers.New();
        await store.SaveAsync(new UserProfile { User = user, DisplayName = "Before the move", TimeZoneId = "Europe/London" }, None);
        var users = new TableServiceClient(_azurite.ConnectionString).GetTableClient(tables.GetTableName(StorageTableNames.Users));
        var key = TableKeys.ForUser(user);
        await MoveRowAsync(users, key, key, "profile");

        var read = await store.GetAsync(user, None);

        Assert.NotNull(read);
        Assert.Equal("Before the move", read.DisplayName);
        Assert.Equal("Europe/London", read.TimeZoneId);
        Assert.Equal([key], await RowKeysAsync(users, key));
        var saved = await store.SaveAsync(read with { DisplayName = "After the move" }, None);
        Assert.Equal("After the move", (await store.GetAsync(user, None))?.DisplayName);
        Assert.NotEqual(read.Version, saved.Version);
    }

    [Fact]
    public async Task DeleteAsync_ProfileUnderTheOldRowKey_IsGone()
    {
        var tables = await _azurite.CreateTablesAsync();
        var store = new AzureTablesUserStore(tables);
        var user = TestUsers.New();
        await store.SaveAsync(new UserProfile { User = user, DisplayName = "Old row" }, None);
        var users = new TableServiceClient(_azurite.ConnectionString).GetTableClient(tables.GetTableName(StorageTableNames.Users));
        var key = TableKeys.ForUser(user);
        await MoveRowAsync(users, key, key, "profile");

        await store.DeleteAsync(user, None);

        Assert.Empty(await RowKeysAsync(users, key));
        Assert.Null(await store.GetAsync(user, None));
    }

    /// <summary>Rewrites a stored row under another RowKey, as a build before the key change wrote it.</summary>
    private static async Task MoveRowAsync(TableClient table, string partitionKey, string fromRowKey, string toRowKey)
    {
        var row = (await table.GetEntityAsync<TableEntity>(partitionKey, fromRowKey)).Value;
        row.RowKey = toRowKey;
        await table.AddEntityAsync(row);
        await table.DeleteEntityAsync(partitionKey, fromRowKey);
    }

    private static async Task<List<string>> RowKeysAsync(TableClient table, string partitionKey)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partitionKey))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }
}
