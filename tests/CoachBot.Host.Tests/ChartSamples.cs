using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.Skills;
using CoachBot.Core.Time;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using CoachBot.Testing;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

/// <summary>
/// Half a year of made-up practice for one person, built through the real <see cref="ProgressReportService"/> from
/// in-memory stores, and the real renderer: what the chart tests and the docs' screenshots draw.
/// </summary>
internal static class ChartSamples
{
    /// <summary>A Wednesday: the calendar's last column is half filled.</summary>
    public static readonly DateOnly Today = new(2026, 12, 2);

    public static readonly UserRef User = new("local", "local", "sample");

    public static ContentLibrary Content => TestContent.Library;

    /// <summary>The renderer as the host builds it, with whatever CJK font this machine has (possibly none).</summary>
    public static ProgressChartRenderer Renderer() =>
        new(Content, new ChartFonts(Options.Create(new ChartsOptions()), NullLogger<ChartFonts>.Instance));

    public static UserProfile Profile(string language = "en") => new()
    {
        User = User,
        Language = language,
        Pauses = [new DateRange(new DateOnly(2026, 8, 10), new DateOnly(2026, 8, 21))],
        Holidays = [new DateOnly(2026, 9, 21), new DateOnly(2026, 11, 3)],
    };

    /// <summary>
    /// The sample report: practice growing from now and then to most working days, one to five practices a day,
    /// some on a Saturday, none in the August pause, practice on every working day of the last twelve days up to yesterday (today not yet), so a streak of eight working days or more, and
    /// six monthly skills self-assessments.
    /// </summary>
    public static async Task<ProgressReport> ReportAsync(string language = "en", DateOnly? today = null, bool empty = false)
    {
        var day0 = today ?? Today;
        var progress = new InMemoryProgressStore();
        var skills = new InMemorySkillStore();
        var catalog = Content.For(language);
        if (!empty)
        {
            await AddPracticeAsync(progress, catalog, day0);
            int[][] levels = [[2, 1, 2, 1, 1], [2, 2, 2, 1, 2], [3, 2, 2, 2, 2], [3, 2, 3, 2, 2], [3, 3, 3, 2, 3], [4, 3, 3, 3, 2]];
            for (var m = 0; m < levels.Length; m++)
            {
                var month = new DateOnly(day0.Year, day0.Month, 1).AddMonths(m - levels.Length);
                var scores = catalog.Skills.Select((s, i) => (s.Id, levels[m][i])).ToDictionary(p => p.Id, p => p.Item2, StringComparer.Ordinal);
                await skills.SaveAsync(new SkillAssessment(User, month, scores, DateTimeOffset.UnixEpoch), CancellationToken.None);
            }
        }

        return await new ProgressReportService(progress, skills).BuildAsync(Profile(language), catalog, day0, CancellationToken.None);
    }

    private static readonly int[] Mix = [0, 0, 1, 0, 2, 1, 3, 0, 1, 2, 4, 0, 1, 3];

    private static async Task AddPracticeAsync(InMemoryProgressStore progress, ContentCatalog catalog, DateOnly today)
    {
        var profile = Profile();
        var start = ProgressReportService.CalendarStart(today);
        var span = today.DayNumber - start.DayNumber;
        var n = 0;
        for (var day = start; day < today; day = day.AddDays(1))
        {
            var counting = profile.WorkingDays.Contains(day.DayOfWeek) && !profile.Holidays.Contains(day) && !profile.Pauses.Any(p => p.Contains(day));
            var age = today.DayNumber - day.DayNumber;

            // A fixed pattern, no randomness: denser towards today, a full streak over the last eight working days.
            var practices = age <= 12 && counting ? 1 + (age % 4)
                : !counting ? (day.DayOfWeek == DayOfWeek.Saturday && day.Day % 3 == 0 ? 1 : 0)
                : ((day.DayNumber * 7) + (span - age)) % 10 < 3 + (6 * (span - age) / span) ? 1 + (day.DayNumber % 5 == 0 ? 2 : day.DayNumber % 3 == 0 ? 1 : 0) : 0;
            for (var p = 0; p < practices; p++)
            {
                // The first action is practised most, the fifth least.
                var action = catalog.Actions[Mix[n++ % Mix.Length] % catalog.Actions.Count];
                await progress.AddAsync(new PracticeEntry(User, $"p{n}", day, action.Id, null, null, DateTimeOffset.UnixEpoch), CancellationToken.None);
            }
        }
    }
}
