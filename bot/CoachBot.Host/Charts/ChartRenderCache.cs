using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.Missions;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// Rendered chart PNGs in memory, keyed by user, language, theme, the user's local date and a fingerprint of exactly
/// what the renderer draws, so a chat client fetching the same image again costs no drawing. Bounded (<see cref="ChartsOptions.RenderCacheEntries"/>),
/// least recently used out first. The stores are still read on every request, so an entry is only ever served for
/// data the stores hold now: after `forget me` the fingerprint changes and the old entry just ages out.
/// </summary>
public sealed class ChartRenderCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Png)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Png)> _recency = new();
    private readonly int _capacity;

    public ChartRenderCache(IOptions<ChartsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.Value.RenderCacheEntries;
    }

    /// <summary>
    /// The cache key: a hash, so the key itself holds neither the user id nor their counts. It covers the user's local
    /// date (the calendar ends on today, so each local day is a new picture: at most one drawing per user, language and
    /// theme a day while the data stays the same) and everything the renderer draws, so new data is drawn at once.
    /// </summary>
    public static string KeyFor(UserRef user, string language, ChartTheme theme, ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder()
            .Append(user.Channel).Append('\n').Append(user.TenantId).Append('\n').Append(user.UserId).Append('\n').Append(language)
            .Append('\n').Append(theme).Append('\n').Append(Day(report.Today))
            .Append('\n').Append(Number(report.Streak.Current)).Append('|').Append(Number(report.Streak.Longest));

        // What ProgressChartRenderer draws, and nothing else: the same drawing gets the same key.
        foreach (var action in report.Actions)
        {
            text.Append('\n').Append(action.ActionId).Append('|').Append(Number(action.Last12Weeks)).Append('|')
                .AppendJoin(',', action.Weekly.Select(Number));
        }

        text.Append("\ncalendar");
        foreach (var day in report.Calendar.Where(d => d.Practices > 0 || d.Kind != CalendarDayKind.Counting))
        {
            text.Append('\n').Append(Day(day.Date)).Append('|').Append(Number(day.Practices)).Append('|').Append(day.Kind);
        }

        text.Append("\nskills");
        foreach (var assessment in report.Assessments)
        {
            text.Append('\n').Append(Day(assessment.Month)).Append('|')
                .AppendJoin(',', assessment.Scores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + Number(s.Value)));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The key of one team-health chart: the lead, language, theme and indicator, and exactly what
    /// <see cref="TeamHealthChartRenderer"/> draws of the report (the weeks, and each week's figure or its absence). The
    /// signed link is not part of it: a new link to an unchanged chart is served from the cache, and a chart whose
    /// figures changed (a new week, a member who shares, <c>forget me</c>) is drawn anew.
    /// </summary>
    public static string KeyFor(UserRef user, string language, ChartTheme theme, string indicatorId, TeamHealthReport report)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder("health\n")
            .Append(user.Channel).Append('\n').Append(user.TenantId).Append('\n').Append(user.UserId).Append('\n').Append(language)
            .Append('\n').Append(theme).Append('\n').Append(indicatorId)
            .Append('\n').AppendJoin(',', report.Weeks.Select(Day));
        var points = report.Find(indicatorId)?.Points ?? [.. report.Weeks.Select(_ => (HealthCell?)null)];
        foreach (var cell in points)
        {
            text.Append('\n');
            if (cell is not null)
            {
                text.Append(Number(cell.Numerator)).Append('|').Append(Number(cell.Denominator)).Append('|').AppendJoin(',', cell.Parts.Select(Number));
            }
            else
            {
                text.Append('-');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The key of one missions chart: the user, language and theme, and exactly what <see cref="MissionChartRenderer"/>
    /// draws (the focus, and each mission's steps done and steps for the role, in order). A new step done, a new role or
    /// a new focus is drawn anew; the same picture fetched again is not.
    /// </summary>
    public static string KeyFor(UserRef user, string language, ChartTheme theme, MissionOverview overview)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(overview);
        var text = new StringBuilder("missions\n")
            .Append(user.Channel).Append('\n').Append(user.TenantId).Append('\n').Append(user.UserId).Append('\n').Append(language)
            .Append('\n').Append(theme).Append('\n').Append(overview.FocusId ?? "-");
        foreach (var item in overview.Missions)
        {
            text.Append('\n').Append(item.Mission.Id).Append('|').Append(Number(item.Standing.StepsDone)).Append('|').Append(Number(item.Standing.StepsForRole));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The PNG drawn earlier for <paramref name="key"/>, or null.</summary>
    public byte[]? Find(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Png;
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Keeps <paramref name="png"/> for <paramref name="key"/>, dropping the least recently used past the bound.</summary>
    public void Add(string key, byte[] png)
    {
        lock (_gate)
        {
            if (_capacity <= 0)
            {
                return;
            }

            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
            }

            _entries[key] = _recency.AddFirst((key, png));
            while (_entries.Count > _capacity && _recency.Last is { } last)
            {
                _entries.Remove(last.Value.Key);
                _recency.RemoveLast();
            }
        }
    }
}
