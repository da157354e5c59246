using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Home;

/// <summary>
/// The home dashboard every channel can show (the Slack App Home tab, the <c>home</c> verb): streak, today's step with
/// the same buttons as <c>today</c>, the next 1-on-1 with its agenda summary, the user's open action items, the
/// progress chart, and Settings / Help buttons. All wording comes from the strings files in the user's language; times
/// are shown in the user's time zone.
/// </summary>
/// <remarks>
/// A store that fails (<see cref="Storage.StoreUnavailableException"/>) makes the whole build fail: the caller decides
/// what to show. Data that is simply missing (no pairing, no action items, no chart links) omits its part. The only
/// write is the one opening an agenda always makes: the questions suggested for the next meeting are recorded so the
/// agenda reads the same wherever it is opened. Today's step is not saved: the choice is deterministic for the day and
/// history, so the buttons act on the same step <c>today</c> would show.
/// </remarks>
public sealed class HomeDashboard
{
    /// <summary>How many of the user's open action items the dashboard lists; the rest are counted.</summary>
    public const int MaxActionItems = 3;

    private readonly IUserStore _users;
    private readonly ContentLibrary _content;
    private readonly DailyStepService _steps;
    private readonly IProgressStore _progress;
    private readonly ProgressReportService _reports;
    private readonly OneOnOneService _oneOnOnes;
    private readonly IProgressChartLinks? _charts;
    private readonly TimeProvider _time;
    private readonly TeamHealthService? _health;

    /// <summary>Chart links come from the host (AddCoachBotCharts) when it offers them; without any, no chart is shown.</summary>
    public HomeDashboard(
        IUserStore users,
        ContentLibrary content,
        DailyStepService steps,
        IProgressStore progress,
        ProgressReportService reports,
        OneOnOneService oneOnOnes,
        IEnumerable<IProgressChartLinks> charts,
        TimeProvider time,
        TeamHealthService? health = null)
    {
        ArgumentNullException.ThrowIfNull(charts);
        _users = users;
        _content = content;
        _steps = steps;
        _progress = progress;
        _reports = reports;
        _oneOnOnes = oneOnOnes;
        _charts = charts.LastOrDefault();
        _time = time;
        _health = health;
    }

    /// <summary>
    /// The dashboard of <paramref name="user"/>, loading their profile; for someone who has not finished setup, a short
    /// hello with a button that starts (or continues) it. This is what a channel calls outside a turn (Slack
    /// <c>app_home_opened</c>).
    /// </summary>
    public Task<Reply> BuildAsync(UserRef user, CancellationToken cancellationToken) => BuildAsync(user, null, cancellationToken);

    /// <summary>As <see cref="BuildAsync(UserRef, CancellationToken)"/>; <paramref name="locale"/> (e.g. ja-JP, from the
    /// channel) picks the language of the hello for someone CoachBot does not know yet.</summary>
    public async Task<Reply> BuildAsync(UserRef user, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = await _users.GetAsync(user, cancellationToken);
        if (profile is null)
        {
            var language = locale is { } l && l.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja" : ContentLibrary.DefaultLanguage;
            return HomeText.Welcome(_content.For(language).Strings, started: false);
        }

        return await BuildAsync(profile, cancellationToken);
    }

    /// <summary>The dashboard for a profile already loaded, as of now.</summary>
    public Task<Reply> BuildAsync(UserProfile profile, CancellationToken cancellationToken) =>
        BuildAsync(profile, _time.GetUtcNow(), cancellationToken);

    /// <summary>The dashboard for <paramref name="profile"/> as of <paramref name="now"/> (a turn's instant).</summary>
    internal async Task<Reply> BuildAsync(UserProfile profile, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var content = _content.For(profile.Language);
        if (profile.Onboarding != OnboardingStep.Complete)
        {
            // A profile never saved is someone the turn just met; a saved one has begun the questions.
            return HomeText.Welcome(content.Strings, started: profile.Version is not null);
        }

        var zone = TimeZones.FindOrUtc(profile.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var report = await _reports.BuildAsync(profile, content, today, cancellationToken);
        var step = await TodayStepAsync(profile, content, today, cancellationToken);
        var doneToday = (await _progress.ListAsync(profile.User, today, today, cancellationToken))
            .Any(e => string.Equals(e.StepId, step.Id, StringComparison.Ordinal));
        var pairings = await _oneOnOnes.ListMineAsync(profile.User, cancellationToken);
        var meeting = await NextMeetingAsync(profile.User, pairings, content, now, cancellationToken);
        var items = await OpenItemsAsync(profile.User, pairings, cancellationToken);

        var view = new HomeView(
            report.Streak,
            step,
            doneToday,
            DailyStepService.ForDay(profile, today).TodaySkipped,
            meeting,
            items,
            ChartUrl(profile))
        {
            TeamHealth = await TeamHealthAsync(profile, now, cancellationToken),
        };
        return HomeText.Dashboard(content, profile, view);
    }

    /// <summary>The lead's team health for the home section; null when the user leads no team (or no service is there).</summary>
    private async Task<TeamHealthReport?> TeamHealthAsync(UserProfile profile, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_health is null || !(await _health.TeamAsync(profile.User, cancellationToken)).IsLead)
        {
            return null;
        }

        return await _health.BuildAsync(profile, now, cancellationToken);
    }

    /// <summary>The step already chosen today, or the one <c>today</c> would choose now (same rule, nothing saved).</summary>
    private async Task<MicroStep> TodayStepAsync(UserProfile profile, ContentCatalog content, DateOnly today, CancellationToken cancellationToken)
    {
        var day = DailyStepService.ForDay(profile, today);
        return (day.TodayStepId is { } id ? content.FindStep(id) : null)
            ?? await _steps.ChooseAsync(day, content, today, day.TodayDeclined, cancellationToken);
    }

    /// <summary>The soonest meeting of the user's active pairings with its agenda; null when none is coming.</summary>
    private async Task<HomeMeeting?> NextMeetingAsync(
        UserRef me, IReadOnlyList<Pairing> pairings, ContentCatalog content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = pairings
            .Select(p => (Pairing: p, Start: MeetingSchedule.NextMeetingUtc(p, now)))
            .Where(x => x.Start is not null)
            .OrderBy(x => x.Start)
            .ThenBy(x => x.Pairing.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (next.Pairing is null)
        {
            return null;
        }

        var agenda = await _oneOnOnes.AgendaAsync(me, next.Pairing, content, now, cancellationToken);
        return new HomeMeeting(next.Pairing, next.Start!.Value, agenda);
    }

    /// <summary>The user's own open items across their pairings that have not ended: due first (soonest first), then oldest.</summary>
    private async Task<IReadOnlyList<HomeActionItem>> OpenItemsAsync(UserRef me, IReadOnlyList<Pairing> pairings, CancellationToken cancellationToken)
    {
        var mine = new List<HomeActionItem>();
        foreach (var pairing in pairings)
        {
            if (pairing.State == PairingState.Ended)
            {
                continue;
            }

            mine.AddRange((await _oneOnOnes.ActionItemsAsync(me, pairing, cancellationToken))
                .Where(i => i.IsOpen && i.Owner == me)
                .Select(i => new HomeActionItem(i, pairing, pairing.Other(me))));
        }

        return
        [
            .. mine.OrderBy(i => i.Item.Due is null ? 1 : 0)
                .ThenBy(i => i.Item.Due)
                .ThenBy(i => i.Item.CreatedAt)
                .ThenBy(i => i.Item.Number),
        ];
    }

    /// <summary>
    /// The link to the chart as <c>progress</c> gives it, or null when the host has no links or the link is neither an
    /// http(s) URL nor a path on this host. A path (no <c>Charts:PublicBaseUrl</c>) is what the playground shows; Slack
    /// and Teams fetch images themselves, so their renderers leave a path out, exactly as for <c>progress</c>.
    /// </summary>
    private string? ChartUrl(UserProfile profile)
    {
        if (_charts is null)
        {
            return null;
        }

        var url = _charts.CreateUrl(profile.User, profile.Language);
        var web = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        var path = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);
        return web || path ? url : null;
    }
}
