using CoachBot.Core.Conversation;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Scheduler;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Protocol;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoachBot.Teams.Tests.Connector;

/// <summary>
/// A scheduled send goes scheduler -> <see cref="ChannelSenders"/> -> <see cref="TeamsChannelSender"/> -> the
/// connector's HTTP pipeline, and all of it together makes at most <c>Scheduler:MaxAttemptsPerDelivery</c> HTTP
/// attempts (ADR 0029), over real HTTP to a fake connector that is always down.
/// </summary>
public sealed class DeliveryAttemptBudgetTests : IAsyncLifetime
{
    private static readonly UserRef User = new("msteams", "tenant-1", "29:user");
    private readonly InMemoryConversationReferenceStore _references = new();
    private readonly InMemoryUserStore _users = new();
    private FakeConnector.FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_delivery_never_makes_more_attempts_than_its_budget(int budget)
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        await _references.SaveAsync(
            new ConversationReference(User, "a:personal-1", _fake.ServiceUrl.AbsoluteUri, "28:bot", "en-US", DateTimeOffset.UnixEpoch),
            CancellationToken.None);
        _fake.FailNext(503, times: 100);
        var senders = Senders(kit, budget);

        var send = senders.SendAsync(User, Reply.Plain("nudge"), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<DeliveryFailedException>(() => ConnectorTestKit.RunAdvancingAsync(time, send));

        // Fewer than the connector's own limit of four: the budget, not the pipeline, ended the delivery.
        Assert.True(budget < TeamsConnectorServiceCollectionExtensions.MaxAttempts);
        Assert.Equal(budget, _fake.Requests.Count);
        Assert.False(ex.IsPermanent);
        Assert.Contains($"{budget} of {budget} HTTP attempt(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_delivery_gets_a_budget_of_its_own()
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        await _references.SaveAsync(
            new ConversationReference(User, "a:personal-1", _fake.ServiceUrl.AbsoluteUri, "28:bot", "en-US", DateTimeOffset.UnixEpoch),
            CancellationToken.None);
        _fake.FailNext(503, times: 2);
        var senders = Senders(kit, budget: 2);

        var first = senders.SendAsync(User, Reply.Plain("one"), CancellationToken.None);
        await Assert.ThrowsAsync<DeliveryFailedException>(() => ConnectorTestKit.RunAdvancingAsync(time, first));
        await ConnectorTestKit.RunAdvancingAsync(time, senders.SendAsync(User, Reply.Plain("two"), CancellationToken.None));

        Assert.Equal(3, _fake.Requests.Count);
        Assert.Equal("two", _fake.Requests[^1].Body?["text"]?.GetValue<string>());
    }

    private ChannelSenders Senders(ConnectorTestKit kit, int budget)
    {
        var renderer = new Mock<IAdaptiveCardRenderer>();
        renderer.Setup(r => r.RenderMessage(It.IsAny<Reply>())).Returns((Reply reply) => new Activity { Type = "message", Text = reply.Text });
        kit.Trust.Trust(_fake.ServiceUrl);
        var chats = new TeamsPersonalChats(_references, new InMemoryReflectionStore(), new InMemoryTeamChannelAddressStore(), kit.Client, kit.Trust, TimeProvider.System, NullLogger<TeamsPersonalChats>.Instance);
        var sender = new TeamsChannelSender(_references, _users, kit.Client, renderer.Object, kit.Trust, chats, NullLogger<TeamsChannelSender>.Instance);
        var options = new SchedulerOptions { MaxAttemptsPerDelivery = budget };
        return new ChannelSenders([sender], [], [], Microsoft.Extensions.Options.Options.Create(options));
    }
}
