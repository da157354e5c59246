using CoachBot.Core.OneOnOnes;
using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Users;
using CoachBot.Host.Calendar;
using CoachBot.Testing;
using CoachBot.Testing.Fakes;
using Ical.Net.CalendarComponents;
using IcalCalendar = Ical.Net.Calendar;

namespace CoachBot.Host.Tests.Calendar;

/// <summary>
/// The feed as text, parsed back with Ical.Net: each event in the reader's IANA zone with its VTIMEZONE, at the local
/// time CoachBot shows on both sides of a daylight saving change, for the manager and for a report in another zone.
/// </summary>
public sealed class CalendarFeedTimeZoneTests
{
    private static readonly UserRef Manager = new("local", "local", "mgr");
    private static readonly UserRef Report = new("local", "local", "rep");

    [Fact]
    public async Task NewYorkSpringForward_ManagerKeeps15Local_AndABerlinReportSeesTheGapWeeksAnHourEarlier()
    {
        // The US moves its clocks on 14 March 2027, the EU on 28 March: for two weeks the offset between them is 5 h.
        var now = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var stores = await StoresAsync("America/New_York", "Europe/Berlin",
            new Pairing("p-ny", Manager, Report, Cadence.Weekly, DayOfWeek.Tuesday, new TimeOnly(15, 0), "America/New_York", new DateOnly(2027, 3, 2), PairingState.Active));

        var managers = Parse(await stores.WriteAsync(Manager, now));
        var reports = Parse(await stores.WriteAsync(Report, now));

        AssertZone(managers, "America/New_York");
        AssertZone(reports, "Europe/Berlin");
        Assert.Equal(
            [("2027-03-02", "15:00", 20), ("2027-03-09", "15:00", 20), ("2027-03-16", "15:00", 19), ("2027-03-23", "15:00", 19), ("2027-03-30", "15:00", 19)],
            First(managers, 5));
        Assert.Equal(
            [("2027-03-02", "21:00", 20), ("2027-03-09", "21:00", 20), ("2027-03-16", "20:00", 19), ("2027-03-23", "20:00", 19), ("2027-03-30", "21:00", 19)],
            First(reports, 5));
    }

    [Fact]
    public async Task BerlinFallBack_ManagerKeeps10Local_AndANewYorkReportSeesTheGapWeekAnHourLater()
    {
        // The EU moves back on 31 October 2027, the US on 7 November.
        var now = new DateTimeOffset(2027, 10, 20, 12, 0, 0, TimeSpan.Zero);
        var stores = await StoresAsync("Europe/Berlin", "America/New_York",
            new Pairing("p-be", Manager, Report, Cadence.Weekly, DayOfWeek.Thursday, new TimeOnly(10, 0), "Europe/Berlin", new DateOnly(2027, 10, 21), PairingState.Active));

        var managers = Parse(await stores.WriteAsync(Manager, now));
        var reports = Parse(await stores.WriteAsync(Report, now));

        AssertZone(managers, "Europe/Berlin");
        Assert.Equal(
            [("2027-10-21", "10:00", 8), ("2027-10-28", "10:00", 8), ("2027-11-04", "10:00", 9), ("2027-11-11", "10:00", 9)],
            First(managers, 4));
        Assert.Equal(
            [("2027-10-21", "04:00", 8), ("2027-10-28", "04:00", 8), ("2027-11-04", "05:00", 9), ("2027-11-11", "04:00", 9)],
            First(reports, 4));
    }

    [Fact]
    public async Task Feed_IsOneEventPerMeeting_WithStableIdsTitleAgendaAndNoSeries()
    {
        var now = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var stores = await StoresAsync("America/New_York", "Asia/Tokyo",
            new Pairing("p-1", Manager, Report, Cadence.Biweekly, DayOfWeek.Tuesday, new TimeOnly(15, 0), "America/New_York", new DateOnly(2027, 3, 2), PairingState.Active));

        var text = await stores.WriteAsync(Report, now);
        var calendar = Parse(text);

        Assert.Equal(6, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.Null(e.RecurrenceRule));
        Assert.Equal("p-1-20270302@coachbot", calendar.Events.OrderBy(e => e.DtStart!.AsUtc).First().Uid);
        Assert.All(calendar.Events, e => Assert.Equal("1-on-1 with @mgr", e.Summary));
        Assert.All(calendar.Events, e => Assert.Contains("1on1 agenda @mgr", e.Description, StringComparison.Ordinal));
        Assert.All(calendar.Events, e => Assert.Equal(TimeSpan.FromMinutes(30), e.Duration!.Value.ToTimeSpanUnspecified()));
        Assert.Equal(text, await stores.WriteAsync(Report, now));
        Assert.Contains("DTSTART;TZID=Asia/Tokyo:20270303T050000", text, StringComparison.Ordinal);
    }

    private static IcalCalendar Parse(string text) => IcalCalendar.Load(text) ?? throw new InvalidOperationException("no calendar");

    private static void AssertZone(IcalCalendar calendar, string zone)
    {
        Assert.Equal(zone, Assert.Single(calendar.TimeZones).TzId);
        Assert.NotEmpty(Assert.Single(calendar.TimeZones).TimeZoneInfos);
        Assert.All(calendar.Events, e => Assert.Equal(zone, e.DtStart!.TzId));
    }

    /// <summary>Local date, local time and UTC hour of the first events.</summary>
    private static List<(string, string, int)> First(IcalCalendar calendar, int count) =>
        [.. calendar.Events.OrderBy(e => e.DtStart!.AsUtc).Take(count).Select(Describe)];

    private static (string, string, int) Describe(CalendarEvent e) => (
        e.DtStart!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        e.DtStart.Time!.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        e.DtStart.AsUtc.Hour);

    private static async Task<Stores> StoresAsync(string managerZone, string reportZone, Pairing pairing)
    {
        var stores = new Stores();
        await stores.Users.SaveAsync(new UserProfile { User = Manager, TimeZoneId = managerZone }, CancellationToken.None);
        await stores.Users.SaveAsync(new UserProfile { User = Report, TimeZoneId = reportZone }, CancellationToken.None);
        await stores.OneOnOnes.SavePairingAsync(pairing, CancellationToken.None);
        return stores;
    }

    private sealed class Stores
    {
        public InMemoryUserStore Users { get; } = new();

        public InMemoryOneOnOneStore OneOnOnes { get; } = new();

        public async Task<string> WriteAsync(UserRef user, DateTimeOffset now)
        {
            var service = new CalendarFeedService([new InMemoryCalendarFeedStore()], OneOnOnes, Users, TestContent.Library);
            return CalendarFeedWriter.Write(await service.BuildAsync(user, now, CancellationToken.None), now);
        }
    }
}
