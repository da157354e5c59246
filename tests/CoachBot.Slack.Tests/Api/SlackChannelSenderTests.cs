using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Slack.Api;
using CoachBot.Slack.BlockKit;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoachBot.Slack.Tests.Api;

public sealed class SlackChannelSenderTests : IAsyncLifetime
{
    private static readonly UserRef User = SlackApiHarness.Team.User("U1");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryConversationReferenceStore _references = new();
    private SlackApiHarness _h = null!;

    public async Task InitializeAsync()
    {
        var renderer = new Mock<IBlockKitRenderer>();
        renderer
            .Setup(r => r.RenderMessage(It.IsAny<string>(), It.IsAny<Reply>(), It.IsAny<string?>()))
            .Returns((string channel, Reply reply, string? _) =>
                new SlackMessage(channel, reply.Text, new JsonArray(new JsonObject { ["type"] = "section", ["block_id"] = "rendered" })));
        _h = await SlackApiHarness.StartAsync(_time, register: services =>
        {
            services.AddSingleton<IConversationReferenceStore>(_references);
            services.AddSingleton(renderer.Object);
        });
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private SlackChannelSender Sender => _h.Services.GetRequiredService<SlackChannelSender>();

    [Fact]
    public async Task Send_OpensTheDmOnce_SavesTheReference_PostsRenderedMessages()
    {
        await Sender.SendAsync(User, Reply.Plain("Time to practise"), CancellationToken.None);
        await Sender.SendAsync(User, Reply.Plain("Second nudge"), CancellationToken.None);

        Assert.Equal("U1", (string?)Assert.Single(_h.Slack.CallsTo("conversations.open")).Body["users"]);
        var saved = await _references.GetAsync(User, CancellationToken.None);
        Assert.NotNull(saved);
        Assert.Equal("DU1", saved.ConversationId);
        Assert.Null(saved.ServiceUrl);
        Assert.Equal(_time.GetUtcNow(), saved.UpdatedAt);
        var posts = _h.Slack.CallsTo("chat.postMessage");
        Assert.Equal(["Time to practise", "Second nudge"], posts.Select(p => (string?)p.Body["text"]));
        Assert.All(posts, p => Assert.Equal("DU1", (string?)p.Body["channel"]));
        Assert.All(posts, p => Assert.Equal("rendered", (string?)p.Body["blocks"]![0]!["block_id"]));
        Assert.All(posts, p => Assert.Equal(SlackApiHarness.BotToken, p.Token));
    }

    [Fact]
    public async Task Send_UsesTheStoredReference_WithoutOpening()
    {
        await _references.SaveAsync(new ConversationReference(User, "D-STORED", null, null, "en-US", _time.GetUtcNow()), CancellationToken.None);

        await Sender.SendAsync(User, Reply.Plain("Hi"), CancellationToken.None);

        Assert.Empty(_h.Slack.CallsTo("conversations.open"));
        Assert.Equal("D-STORED", (string?)Assert.Single(_h.Slack.CallsTo("chat.postMessage")).Body["channel"]);
    }

    [Fact]
    public async Task Send_SlackErrorPropagates_WithIsPermanent()
    {
        _h.Slack.FailNext("chat.postMessage", 200, new JsonObject { ["ok"] = false, ["error"] = "account_inactive" });

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Sender.SendAsync(User, Reply.Plain("Hi"), CancellationToken.None));

        Assert.Equal("account_inactive", ex.Error);
        Assert.True(ex.IsPermanent);
    }

    [Fact]
    public async Task Send_ToAnotherChannelsUser_IsRejected()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(
            () => Sender.SendAsync(new UserRef("msteams", "T1", "U1"), Reply.Plain("Hi"), CancellationToken.None));

        Assert.Contains("msteams", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Slack.Calls);
    }

    [Fact]
    public void Channel_IsSlack() => Assert.Equal("slack", Sender.Channel);
}
