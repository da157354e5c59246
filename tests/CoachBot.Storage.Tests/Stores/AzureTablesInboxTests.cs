using CoachBot.Core.Delivery;
using CoachBot.Storage.Inbox;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;

namespace CoachBot.Storage.Tests.Stores;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesInboxTests : InboxContract
{
    private readonly AzuriteFixture _azurite;

    public AzureTablesInboxTests(AzuriteFixture azurite) => _azurite = azurite;

    protected override async Task<IInbox> CreateInboxAsync() => new AzureTablesInbox(await _azurite.CreateTablesAsync(), Clock);
}
