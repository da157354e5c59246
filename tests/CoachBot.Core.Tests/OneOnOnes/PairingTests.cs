using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.OneOnOnes;

public sealed class PairingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accept_Proposed_BecomesActive() => Assert.Equal(PairingState.Active, New(PairingState.Proposed).Accept(Now)?.State);

    [Fact]
    public void Accept_Proposed_KeepsWhenItWasAccepted() => Assert.Equal(Now, New(PairingState.Proposed).Accept(Now)?.AcceptedAt);

    [Fact]
    public void Decline_Proposed_Ends() => Assert.Equal(PairingState.Ended, New(PairingState.Proposed).Decline(Now)?.State);

    [Fact]
    public void Accept_Active_IsRefused() => Assert.Null(New(PairingState.Active).Accept(Now));

    [Fact]
    public void PauseThenResume_Active_ComesBackActive()
    {
        var paused = New(PairingState.Active).Pause(Now);

        Assert.Equal(PairingState.Paused, paused?.State);
        Assert.Null(paused!.Pause(Now));
        Assert.Equal(PairingState.Active, paused.Resume(Now)?.State);
    }

    [Fact]
    public void Resume_Active_IsRefused() => Assert.Null(New(PairingState.Active).Resume(Now));

    [Fact]
    public void End_Ended_IsRefusedAndRescheduleToo()
    {
        var ended = New(PairingState.Paused).End(Now);

        Assert.Equal(PairingState.Ended, ended?.State);
        Assert.Null(ended!.End(Now));
        Assert.Null(ended.Reschedule(DayOfWeek.Monday, new TimeOnly(9, 0), new DateOnly(2026, 12, 7), Now));
    }

    [Fact]
    public void Other_EitherSide_IsTheOtherPerson()
    {
        var pairing = New(PairingState.Active);

        Assert.Equal(pairing.Report, pairing.Other(pairing.Manager));
        Assert.Equal(pairing.Manager, pairing.Other(pairing.Report));
        Assert.False(pairing.Includes(new UserRef("local", "t", "carol")));
    }

    private static Pairing New(PairingState state) => new(
        "p", new UserRef("local", "t", "alice"), new UserRef("local", "t", "bob"), Cadence.Weekly, DayOfWeek.Tuesday,
        new TimeOnly(15, 0), "Asia/Tokyo", new DateOnly(2026, 12, 1), state);
}
