using CoachBot.Core.Conversation;
using CoachBot.Core.Installations;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Protocol;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CoachBot.Teams.Tests.Connector;

public sealed class TeamsChannelSenderTests : IAsyncLifetime
{
    private static readonly UserRef User = new("msteams", "tenant-1", "29:user");
    private readonly InMemoryConversationReferenceStore _references = new();
    private readonly InMemoryUserStore _users = new();
    private readonly Mock<IAdaptiveCardRenderer> _renderer = new();
    private FakeConnector.FakeConnector _fake = null!;

    public TeamsChannelSenderTests() =>
        _renderer.Setup(r => r.RenderMessage(It.IsAny<Reply>()))
            .Returns((Reply reply) => new Activity { Type = "message", Text = reply.Text });

    public async Task InitializeAsync() => _fake = await FakeConnector.FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private TeamsChannelSender Sender(ConnectorTestKit kit, IUserStore? users = null) =>
        new(_references, users ?? _users, kit.Client, _renderer.Object, kit.Trust, Chats(kit.Client, kit.Trust), NullLogger<TeamsChannelSender>.Instance);

    private TeamsPersonalChats Chats(ITeamsConnectorClient client, TeamsServiceUrlTrust trust) =>
        new(_references, new InMemoryReflectionStore(), new InMemoryTeamChannelAddressStore(), client, trust, TimeProvider.System, NullLogger<TeamsPersonalChats>.Instance);

    private Task SaveReferenceAsync() => _references.SaveAsync(
        new ConversationReference(User, "a:personal-1", _fake.ServiceUrl.AbsoluteUri, "28:bot", "en-US", DateTimeOffset.UnixEpoch),
        CancellationToken.None);

    [Fact]
    public async Task Sends_the_rendered_reply_to_the_stored_conversation_with_a_token()
    {
        using var kit = new ConnectorTestKit();
        await SaveReferenceAsync();

        await Sender(kit).SendAsync(User, Reply.Plain("Time for today's step"), CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("a:personal-1", request.ConversationId);
        Assert.Equal("Time for today's step", request.Body?["text"]?.GetValue<string>());
        Assert.Equal($"Bearer {StubTokenProvider.Token}", request.Authorization);
        Assert.Equal("msteams", Sender(kit).Channel);
    }

    [Theory]
    [InlineData("https://attacker.example/bot/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/emea/")]
    public async Task SendAsync_StoredReferenceOnANonMicrosoftHost_IsNeverCalled_AndDropped(string serviceUrl)
    {
        using var kit = new ConnectorTestKit();
        await _references.SaveAsync(
            new ConversationReference(User, "a:personal-1", serviceUrl, "28:bot", "en-US", DateTimeOffset.UnixEpoch), CancellationToken.None);
        using var sink = new CountingHandler();
        var http = new ServiceCollection();
        http.AddHttpClient(TeamsConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => sink);
        using var services = http.BuildServiceProvider();
        var client = new TeamsConnectorClient(
            services.GetRequiredService<IHttpClientFactory>(), kit.Tokens, kit.Trust, Microsoft.Extensions.Options.Options.Create(kit.Options), NullLogger<TeamsConnectorClient>.Instance);
        var sender = new TeamsChannelSender(_references, _users, client, _renderer.Object, kit.Trust, Chats(client, kit.Trust), NullLogger<TeamsChannelSender>.Instance);

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => sender.SendAsync(User, Reply.Plain("nudge"), CancellationToken.None));

        Assert.True(ex.IsPermanent);
        Assert.Equal(0, sink.Calls);
        Assert.Equal(0, kit.Tokens.Calls);
        Assert.Null(await _references.GetAsync(User, CancellationToken.None));
    }

    /// <summary>Counts requests that reach the network layer (answers 201 so a call would look successful).</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Created) { Content = new StringContent("{\"id\":\"1\"}") });
        }
    }

    [Fact]
    public async Task Without_a_reference_the_send_fails_permanently_and_asks_the_user_to_talk_first()
    {
        using var kit = new ConnectorTestKit();

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(
            () => Sender(kit).SendAsync(User, Reply.Plain("x"), CancellationToken.None));

        Assert.True(ex.IsPermanent);
        Assert.Contains("talk to the bot first", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task A_403_deletes_the_reference_and_stops_the_users_nudges()
    {
        using var kit = new ConnectorTestKit();
        await SaveReferenceAsync();
        await _users.SaveAsync(new UserProfile { User = User }, CancellationToken.None);
        _fake.FailNext(403);

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(
            () => Sender(kit).SendAsync(User, Reply.Plain("x"), CancellationToken.None));

        Assert.Equal(403, ex.StatusCode);
        Assert.True(ex.IsPermanent);
        Assert.Null(await _references.GetAsync(User, CancellationToken.None));
        Assert.True((await _users.GetAsync(User, CancellationToken.None))?.NudgesStopped);
    }

    [Fact]
    public async Task A_retryable_failure_keeps_the_reference_and_the_nudges()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        await SaveReferenceAsync();
        await _users.SaveAsync(new UserProfile { User = User }, CancellationToken.None);
        _fake.FailNext(502, times: 4);

        var send = Sender(kit).SendAsync(User, Reply.Plain("x"), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => ConnectorTestKit.RunAdvancingAsync(time, send));

        Assert.False(ex.IsPermanent);
        Assert.NotNull(await _references.GetAsync(User, CancellationToken.None));
        Assert.False((await _users.GetAsync(User, CancellationToken.None))?.NudgesStopped);
    }

    [Fact]
    public async Task Stopping_nudges_retries_once_after_a_concurrency_conflict()
    {
        using var kit = new ConnectorTestKit();
        await SaveReferenceAsync();
        var users = new Mock<IUserStore>();
        users.Setup(u => u.GetAsync(User, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserProfile { User = User, Version = "1" });
        users.SetupSequence(u => u.SaveAsync(It.IsAny<UserProfile>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException("changed"))
            .ReturnsAsync(new UserProfile { User = User, NudgesStopped = true, Version = "2" });
        _fake.FailNext(403);

        await Assert.ThrowsAsync<TeamsConnectorException>(
            () => Sender(kit, users.Object).SendAsync(User, Reply.Plain("x"), CancellationToken.None));

        users.Verify(u => u.GetAsync(User, It.IsAny<CancellationToken>()), Times.Exactly(2));
        users.Verify(
            u => u.SaveAsync(It.Is<UserProfile>(p => p.NudgesStopped && p.Version == "1"), It.IsAny<CancellationToken>()),
            Times.Exactly(2));
    }
}
