using CoachBot.Core.Habits;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Habits;

public sealed class StreakCalculatorTests
{
    private static readonly DayOfWeek[] MonFri = [.. UserProfile.DefaultWorkingDays];
    private static readonly DayOfWeek[] SunThu = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    // 2026-03-02 is a Monday.
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static Streak Calc(DateOnly today, IEnumerable<DateOnly> practised, IReadOnlyCollection<DayOfWeek>? days = null,
        IReadOnlyList<DateRange>? pauses = null, IReadOnlyCollection<DateOnly>? holidays = null) =>
        StreakCalculator.Calculate(practised, days ?? MonFri, pauses ?? [], holidays ?? [], today);

    [Fact]
    public void Calculate_NewUser_IsZero()
    {
        Assert.Equal(Streak.None, Calc(D(3, 4), []));
    }

    [Fact]
    public void Calculate_PractisedToday_CountsToday()
    {
        Assert.Equal(new Streak(1, 1), Calc(D(3, 4), [D(3, 4)]));
    }

    [Fact]
    public void Calculate_NotYetPractisedToday_KeepsYesterdaysStreak()
    {
        Assert.Equal(new Streak(2, 2), Calc(D(3, 4), [D(3, 2), D(3, 3)]));
    }

    [Fact]
    public void Calculate_MissedAWorkingDay_BreaksTheStreak()
    {
        // Mon and Wed practised, Tue missed; today is Thu (not practised yet).
        Assert.Equal(new Streak(1, 1), Calc(D(3, 5), [D(3, 2), D(3, 4)]));
    }

    [Fact]
    public void Calculate_MissedYesterday_CurrentIsZeroLongestKept()
    {
        Assert.Equal(new Streak(0, 3), Calc(D(3, 6), [D(3, 2), D(3, 3), D(3, 4)]));
    }

    [Fact]
    public void Calculate_Weekend_NeitherBreaksNorAdds()
    {
        // Thu, Fri, (Sat, Sun off), Mon, Tue.
        Assert.Equal(new Streak(4, 4), Calc(D(3, 10), [D(3, 5), D(3, 6), D(3, 9), D(3, 10)]));
    }

    [Fact]
    public void Calculate_PracticeOnAWeekend_DoesNotAdd()
    {
        Assert.Equal(new Streak(2, 2), Calc(D(3, 9), [D(3, 6), D(3, 7), D(3, 8), D(3, 9)]));
    }

    [Fact]
    public void Calculate_SunToThuWeek_FridayAndSaturdayAreRestDays()
    {
        // Thu 5, (Fri 6, Sat 7 off), Sun 8, Mon 9.
        Assert.Equal(new Streak(3, 3), Calc(D(3, 9), [D(3, 5), D(3, 8), D(3, 9)], SunThu));
    }

    [Fact]
    public void Calculate_SunToThuWeek_MissedSundayBreaks()
    {
        Assert.Equal(new Streak(1, 1), Calc(D(3, 9), [D(3, 5), D(3, 9)], SunThu));
    }

    [Fact]
    public void Calculate_PauseAcrossAGap_DoesNotBreak()
    {
        // Practised Mon 2 and Tue 3, paused Wed 4 to Fri 13 (nothing practised), back on Mon 16.
        var pause = new DateRange(D(3, 4), D(3, 13));
        Assert.Equal(new Streak(3, 3), Calc(D(3, 16), [D(3, 2), D(3, 3), D(3, 16)], pauses: [pause]));
    }

    [Fact]
    public void Calculate_PractiseDuringAPause_DoesNotAdd()
    {
        var pause = new DateRange(D(3, 4), D(3, 4));
        Assert.Equal(new Streak(3, 3), Calc(D(3, 5), [D(3, 2), D(3, 3), D(3, 4), D(3, 5)], pauses: [pause]));
    }

    [Fact]
    public void Calculate_Holiday_DoesNotBreak()
    {
        Assert.Equal(new Streak(3, 3), Calc(D(3, 5), [D(3, 2), D(3, 3), D(3, 5)], holidays: [D(3, 4)]));
    }

    [Fact]
    public void Calculate_TodayIsARestDay_KeepsTheStreak()
    {
        // Saturday, after a full week.
        Assert.Equal(new Streak(5, 5), Calc(D(3, 7), [D(3, 2), D(3, 3), D(3, 4), D(3, 5), D(3, 6)]));
    }

    [Fact]
    public void Calculate_SeveralPracticesOnOneDay_CountOnce()
    {
        Assert.Equal(new Streak(1, 1), Calc(D(3, 2), [D(3, 2), D(3, 2), D(3, 2)]));
    }

    [Fact]
    public void Calculate_FuturePractice_IsIgnored()
    {
        Assert.Equal(new Streak(1, 1), Calc(D(3, 2), [D(3, 2), D(3, 3)]));
    }

    [Fact]
    public void Calculate_LongestRunInThePast_IsReported()
    {
        var old = Enumerable.Range(0, 5).Select(i => D(3, 2).AddDays(i));
        Assert.Equal(new Streak(1, 5), Calc(D(3, 16), [.. old, D(3, 16)]));
    }
}
