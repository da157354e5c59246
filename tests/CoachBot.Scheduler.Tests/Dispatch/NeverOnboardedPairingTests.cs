using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Tests.Dispatch;

/// <summary>1-on-1s never need the habit setup: both sides hear everything through a whole meeting cycle.</summary>
public sealed class NeverOnboardedPairingTests
{
    [Fact]
    public async Task WholeMeetingCycle_NeitherSideEverTypedStart_BothGetEveryNotificationPromptAndFollowUp()
    {
        // Monday 2026-11-30 08:00 UTC; the meeting is Wednesday 10:00 London (10:00 UTC in December).
        using var harness = new DispatchHarness(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

        await harness.SayAsync("alice", "1on1 setup @bob weekly wed 10:00", "Europe/London");
        await harness.SayAsync("bob", "1on1 accept", "America/New_York");
        await harness.RunUntilAsync(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [
                ("accepted", At(11, 30, 8, 0)),
                ("is in 24 h", At(12, 1, 10, 0)),
                ("is in 1 h", At(12, 2, 9, 0)),
                ("How was your 1-on-1", At(12, 2, 11, 0)),
            ],
            MessagesTo(harness, "alice"));
        Assert.Equal(
            [
                ("would like to have 1-on-1s", At(11, 30, 8, 0)),
                ("is in 24 h", At(12, 1, 10, 0)),
                ("is in 1 h", At(12, 2, 9, 0)),
                ("How was your 1-on-1", At(12, 2, 11, 0)),
            ],
            MessagesTo(harness, "bob"));
        Assert.Equal(OnboardingStep.NotStarted, (await harness.Users.GetAsync(new UserRef("local", "local", "alice"), CancellationToken.None))!.Onboarding);
    }

    [Fact]
    public async Task WholeMeetingCycle_PairingOfTwoPeopleWithoutAnyProfile_BothGetEveryPromptAndFollowUp()
    {
        // A pairing stored before its people had profiles (or after an operator removed them): still heard.
        using var harness = new DispatchHarness(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var pairing = new Pairing(
            "p-legacy", new UserRef("local", "local", "alice"), new UserRef("local", "local", "bob"), Cadence.Weekly, DayOfWeek.Wednesday,
            new TimeOnly(10, 0), "Europe/London", new DateOnly(2026, 12, 2), PairingState.Active);

        await harness.OneOnOnes.SavePairingAsync(pairing, CancellationToken.None);
        await harness.RunUntilAsync(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));

        (string, DateTimeOffset)[] expected = [("is in 24 h", At(12, 1, 10, 0)), ("is in 1 h", At(12, 2, 9, 0)), ("How was your 1-on-1", At(12, 2, 11, 0))];
        Assert.Equal(expected, MessagesTo(harness, "alice"));
        Assert.Equal(expected, MessagesTo(harness, "bob"));
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Each message to <paramref name="user"/> as the phrase that tells what it is, with its time.</summary>
    private static List<(string, DateTimeOffset)> MessagesTo(DispatchHarness harness, string user)
    {
        string[] phrases = ["accepted", "is in 24 h", "is in 1 h", "How was your 1-on-1", "would like to have 1-on-1s"];
        return harness.Sender.Messages
            .Where(m => m.User.UserId == user)
            .Select(m => (phrases.FirstOrDefault(p => m.Reply.Text.Contains(p, StringComparison.Ordinal)) ?? m.Reply.Text, m.At))
            .ToList();
    }
}
