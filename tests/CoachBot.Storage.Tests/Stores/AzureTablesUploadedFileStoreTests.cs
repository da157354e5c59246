using CoachBot.Core.Users;
using CoachBot.Storage.Privacy;
using CoachBot.Testing;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesUploadedFileStoreTests
{
    private static readonly UserRef Alice = new("slack", "T0ONE", "U0ALICE");
    private static readonly UserRef Bob = new("slack", "T0ONE", "U0BOB");

    private readonly AzuriteFixture _azurite;

    public AzureTablesUploadedFileStoreTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task AddListDelete_KeepsEachUsersFileIdsApart_AndAddingTwiceKeepsOne()
    {
        var store = new AzureTablesUploadedFileStore(await _azurite.CreateTablesAsync(), TimeProvider.System);

        await store.AddAsync(Alice, "F0AAA", CancellationToken.None);
        await store.AddAsync(Alice, "F0AAA", CancellationToken.None);
        await store.AddAsync(Alice, "F0BBB", CancellationToken.None);
        await store.AddAsync(Bob, "F0CCC", CancellationToken.None);
        await store.DeleteAsync(Alice, "F0AAA", CancellationToken.None);
        await store.DeleteAsync(Alice, "F0MISSING", CancellationToken.None);

        Assert.Equal(["F0BBB"], await store.ListAsync(Alice, CancellationToken.None));
        Assert.Equal(["F0CCC"], await store.ListAsync(Bob, CancellationToken.None));
        Assert.Empty(await store.ListAsync(new UserRef("slack", "T0TWO", "U0ALICE"), CancellationToken.None));
    }
}
