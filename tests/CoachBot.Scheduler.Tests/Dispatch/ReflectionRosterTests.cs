using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Testing.Fakes;

namespace CoachBot.Scheduler.Tests.Dispatch;

/// <summary>
/// The weekly open asks the platform who is in the channel (issue 16 section 4): a roster that cannot be read now
/// opens no round and is tried again, and the round then goes to the people in the channel at that moment.
/// </summary>
public sealed class ReflectionRosterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Open_RosterDownAtTheScheduledTime_IsRetriedAndThenAsksWhoIsInTheChannelThen()
    {
        // Friday 2026-12-04 14:00 UTC; the reflection opens Fridays at 15:00 UTC.
        var roster = new FakeChannelRoster { FailWith = new ChannelRosterUnavailableException("platform down") };
        using var harness = new DispatchHarness(new DateTimeOffset(2026, 12, 4, 14, 0, 0, TimeSpan.Zero), roster: roster);
        var channel = new TeamChannel("local", "local", "team-a");
        var people = new List<UserRef>();
        foreach (var id in new[] { "lead", "bob", "carol", "dave" })
        {
            people.Add((await harness.AddUserAsync(DispatchHarness.Onboarded(id, "UTC"))).User);
        }

        await harness.Reflections.SaveAsync(new TeamReflection(channel, people[0], DayOfWeek.Friday, new TimeOnly(15, 0), "UTC", true), None);
        roster.Set(channel, people[0], people[1], people[2]);

        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 15, 0, 5, TimeSpan.Zero));
        var down = await harness.RunOnceAsync();

        Assert.Equal(1, down[DeliveryOutcome.RetryLater]);
        Assert.Empty(await harness.Reflections.ListRoundsAsync(channel, None));
        Assert.DoesNotContain(harness.Sender.Messages, m => m.Reply.Form?.SubmitActionId == ReflectionForm.SubmitAction);

        // Back ten minutes later; meanwhile carol left and dave joined.
        roster.FailWith = null;
        roster.Set(channel, people[0], people[1], people[3]);
        await harness.RunUntilAsync(new DateTimeOffset(2026, 12, 4, 15, 10, 0, TimeSpan.Zero));

        var prompted = harness.Sender.Messages.Where(m => m.Reply.Form?.SubmitActionId == ReflectionForm.SubmitAction).Select(m => m.User.UserId).Order(StringComparer.Ordinal);
        Assert.Equal(["bob", "dave", "lead"], prompted);
        Assert.Equal(3, Assert.Single(await harness.Reflections.ListRoundsAsync(channel, None)).InvitedCount);
    }
}
