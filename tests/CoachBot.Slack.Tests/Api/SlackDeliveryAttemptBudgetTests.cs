using CoachBot.Core.Conversation;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Scheduler;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Slack.Api;
using CoachBot.Slack.BlockKit;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoachBot.Slack.Tests.Api;

/// <summary>
/// A scheduled Slack send (scheduler -> <see cref="ChannelSenders"/> -> <see cref="SlackChannelSender"/> -> the
/// post, its "was it posted after all?" history look-ups and their HTTP retries) makes at most
/// <c>Scheduler:MaxAttemptsPerDelivery</c> HTTP attempts in all (ADR 0029), against a fake Slack that is down.
/// </summary>
public sealed class SlackDeliveryAttemptBudgetTests
{
    private static readonly UserRef User = SlackApiHarness.Team.User("U1");

    [Fact]
    public async Task A_delivery_never_makes_more_attempts_than_its_budget()
    {
        var references = new InMemoryConversationReferenceStore();
        var renderer = new Mock<IBlockKitRenderer>();
        renderer
            .Setup(r => r.RenderMessage(It.IsAny<string>(), It.IsAny<Reply>(), It.IsAny<string?>()))
            .Returns((string channel, Reply reply, string? _) => new SlackMessage(channel, reply.Text));
        await using var h = await SlackApiHarness.StartAsync(register: services =>
        {
            services.AddSingleton<IConversationReferenceStore>(references);
            services.AddSingleton(renderer.Object);
        });
        await references.SaveAsync(new ConversationReference(User, "D1", null, null, "en-US", DateTimeOffset.UnixEpoch), CancellationToken.None);
        h.Slack.FailNext("chat.postMessage", 503, times: 100);
        h.Slack.FailNext("conversations.history", 503, times: 100);
        var senders = new ChannelSenders(
            [h.Services.GetRequiredService<SlackChannelSender>()], [], [],
            Microsoft.Extensions.Options.Options.Create(new SchedulerOptions { MaxAttemptsPerDelivery = 3 }));

        var ex = await Assert.ThrowsAsync<DeliveryFailedException>(() => senders.SendAsync(User, Reply.Plain("nudge"), CancellationToken.None));

        // Unbudgeted, Slack:MaxAttempts posts with a look-up (and its retries) between each would be 3 + 2 x 3 calls.
        Assert.Equal(3, h.Slack.Calls.Count);
        Assert.DoesNotContain(h.Slack.Calls, c => c.Succeeded);
        Assert.False(ex.IsPermanent);
        Assert.Equal("chat.postMessage", h.Slack.Calls[0].Method);
        Assert.Contains(h.Slack.Calls, c => c.Method == "conversations.history");
    }
}
