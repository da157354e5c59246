using CoachBot.Core.Delivery;
using CoachBot.Testing.Contracts;
using CoachBot.Testing.Fakes;

namespace CoachBot.Core.Tests.Delivery;

public sealed class InMemoryInboxTests : InboxContract
{
    protected override Task<IInbox> CreateInboxAsync() => Task.FromResult<IInbox>(new InMemoryInbox(Clock));
}
