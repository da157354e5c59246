using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Health;

/// <summary>
/// Computes a lead's team health (docs/decisions/0036-team-health.md): who is on the team, and per completed week
/// over the last <see cref="Weeks"/> weeks the figures of <see cref="HealthIndicatorIds.All"/>, frozen the first time
/// (<see cref="ITeamHealthStore"/>) and shown only as <see cref="HealthAggregation"/> allows.
/// </summary>
public sealed class TeamHealthService
{
    /// <summary>Completed weeks shown; the current week is never shown, it is still changing.</summary>
    public const int Weeks = 12;

    private readonly IOneOnOneStore _oneOnOnes;
    private readonly IReflectionStore _reflections;
    private readonly IProgressStore _progress;
    private readonly IUserStore _users;
    private readonly ITeamHealthStore _store;
    private readonly ContentLibrary _library;

    public TeamHealthService(
        IOneOnOneStore oneOnOnes, IReflectionStore reflections, IProgressStore progress, IUserStore users, ITeamHealthStore store, ContentLibrary library)
    {
        _oneOnOnes = oneOnOnes;
        _reflections = reflections;
        _progress = progress;
        _users = users;
        _store = store;
        _library = library;
    }

    /// <summary>
    /// The lead's team: the reports of their accepted (active or paused) pairings, and the recorded members of every
    /// channel whose reflection they set up, without the lead, once each.
    /// </summary>
    public async Task<HealthTeam> TeamAsync(UserRef lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var pairings = await _oneOnOnes.ListPairingsAsync(lead, cancellationToken);
        var reports = pairings
            .Where(p => p.Manager == lead && p.State is PairingState.Active or PairingState.Paused && p.Report.UserId != Pairing.ForgottenUserId)
            .Select(p => p.Report)
            .Distinct()
            .ToList();
        var channels = (await _reflections.ListLedByAsync(lead, cancellationToken)).Select(r => r.Channel).Distinct().ToList();
        var members = new List<UserRef>(reports);
        foreach (var channel in channels)
        {
            members.AddRange(await _reflections.ListMembersAsync(channel, cancellationToken));
        }

        return new HealthTeam(
            [.. members.Where(m => m != lead).Distinct().OrderBy(m => m.Key, StringComparer.Ordinal)],
            [.. reports.OrderBy(m => m.Key, StringComparer.Ordinal)],
            [.. channels.OrderBy(c => c.Key, StringComparer.Ordinal)]);
    }

    /// <summary>The Mondays of the <see cref="Weeks"/> completed weeks before the week of <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> WeekMondays(DateOnly today)
    {
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return [.. Enumerable.Range(1, Weeks).Reverse().Select(w => thisMonday.AddDays(-7 * w))];
    }

    /// <summary>The ISO week of a Monday, e.g. <c>2026-W48</c>: the same id reflection rounds use.</summary>
    public static string WeekId(DateOnly monday)
    {
        var day = monday.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }

    /// <summary>The report for <paramref name="lead"/> as of <paramref name="now"/>; freezes the weeks not frozen yet.</summary>
    public async Task<TeamHealthReport> BuildAsync(UserProfile lead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var content = _library.For(lead.Language);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZones.FindOrUtc(lead.TimeZoneId)).DateTime);
        var team = await TeamAsync(lead.User, cancellationToken);
        var mondays = WeekMondays(today);
        // Only the reports of accepted pairings can share their own numbers with the lead: a channel's recorded members
        // (anyone who ever @mentioned CoachBot there, never removed) feed only the reflection figures.
        var sharers = new Dictionary<UserRef, UserProfile>();
        foreach (var member in team.Reports)
        {
            if (await _users.GetAsync(member, cancellationToken) is { ShareWithLeads: true } profile)
            {
                sharers[member] = profile;
            }
        }

        // Whoever's own numbers this lead ever saw counts as a sharer from then on, sharing now or not.
        if (sharers.Count > 0)
        {
            await _store.MarkShownAsync(lead.User, sharers.Keys, cancellationToken);
        }

        var shown = await _store.GetShownAsync(lead.User, cancellationToken);
        var exposed = team.Members.Where(m => sharers.ContainsKey(m) || shown.Contains(m.Key)).ToHashSet();
        var raw = await RawAsync(lead.User, team, content, mondays, sharers.Keys.ToHashSet(), exposed, Held(now, lead.TimeZoneId), cancellationToken);
        var shared = sharers.Values.OrderBy(p => p.User.Key, StringComparer.Ordinal).Select(p => Shared(p, raw, content)).ToList();
        if (team.Members.Count < HealthAggregation.MinPeople)
        {
            return new TeamHealthReport(team, mondays, [], shared);
        }

        var ids = mondays.Select(WeekId).ToList();
        var frozen = new Dictionary<string, HealthWeek>(await _store.GetWeeksAsync(lead.User, ids, cancellationToken), StringComparer.Ordinal);
        foreach (var monday in mondays.Where(m => !frozen.ContainsKey(WeekId(m))))
        {
            var cells = HealthIndicatorIds.All.ToDictionary(
                id => id,
                id =>
                {
                    var cell = HealthAggregation.Aggregate(raw.In(id, monday).Select(r => r.Contribution));
                    return id == HealthIndicatorIds.ReflectionThemes ? HealthAggregation.CoarsenThemes(cell) : cell;
                },
                StringComparer.Ordinal);
            frozen[WeekId(monday)] = await _store.FreezeAsync(lead.User, new HealthWeek(WeekId(monday), cells), cancellationToken);
        }

        var series = HealthIndicatorIds.All
            .Select(id => new HealthSeries(id, [
                .. mondays.Select(m => HealthAggregation.Visible(
                    frozen[WeekId(m)].Cells.GetValueOrDefault(id) ?? HealthCell.TooFew,
                    raw.In(id, m).Sum(r => r.Sharers))),
            ]))
            .ToList();
        return new TeamHealthReport(team, mondays, series, shared);
    }

    private static SharedNumbers Shared(UserProfile profile, RawData raw, ContentCatalog content)
    {
        var key = profile.User.Key;
        var practice = raw.All(HealthIndicatorIds.PracticeBalance).Where(r => r.Person == key).Select(r => r.Contribution.Parts).ToList();
        var cadence = raw.All(HealthIndicatorIds.OneOnOneCadence).Where(r => r.Person == key).Select(r => r.Contribution).ToList();
        return new SharedNumbers(
            profile.User,
            profile.DisplayName,
            [.. Enumerable.Range(0, content.Actions.Count).Select(i => practice.Sum(p => i < p.Count ? p[i] : 0))],
            raw.Answered.GetValueOrDefault(key),
            cadence.Sum(c => c.Numerator),
            cadence.Sum(c => c.Denominator));
    }

    /// <summary>
    /// The local date (in the lead's zone) from which a source set up or accepted at a time counts: it counts only in
    /// the weeks after, the weeks the lead held it for the whole week. Unknown reads as now, which counts nothing past.
    /// </summary>
    private static Func<DateTimeOffset?, DateOnly> Held(DateTimeOffset now, string timeZoneId)
    {
        var zone = TimeZones.FindOrUtc(timeZoneId);
        return at => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at is { } known && known != default ? known : now, zone).DateTime);
    }

    /// <summary>
    /// Everything the weeks hold, per indicator and week, read from the stores once. A source (a pairing, a channel's
    /// reflection, a member's practice through them) counts only in weeks after <paramref name="heldSince"/> its start,
    /// so a lead who starts over (forget me, a new set-up) cannot recompute past weeks for other people.
    /// </summary>
    private async Task<RawData> RawAsync(
        UserRef lead,
        HealthTeam team,
        ContentCatalog content,
        IReadOnlyList<DateOnly> mondays,
        HashSet<UserRef> sharers,
        HashSet<UserRef> exposed,
        Func<DateTimeOffset?, DateOnly> heldSince,
        CancellationToken cancellationToken)
    {
        var memberSince = new Dictionary<UserRef, DateOnly>();
        void Since(UserRef member, DateOnly since) =>
            memberSince[member] = memberSince.TryGetValue(member, out var known) && known < since ? known : since;

        var data = new RawData();
        var first = mondays[0];
        var last = mondays[^1].AddDays(6);
        var weekOf = mondays.ToDictionary(WeekId, m => m, StringComparer.Ordinal);
        DateOnly? MondayOf(DateOnly date) => date < first || date > last ? null : first.AddDays((date.DayNumber - first.DayNumber) / 7 * 7);

        // 1-on-1s: the lead's pairings with the reports on the team.
        foreach (var pairing in (await _oneOnOnes.ListPairingsAsync(lead, cancellationToken)).Where(p => p.Manager == lead && team.Reports.Contains(p.Report)))
        {
            var person = pairing.Report.Key;
            var share = exposed.Contains(pairing.Report) ? 1 : 0;
            var accepted = heldSince(pairing.AcceptedAt ?? pairing.UpdatedAt);
            if (pairing.State is PairingState.Active or PairingState.Paused)
            {
                Since(pairing.Report, accepted);
            }
            var held = (await _oneOnOnes.ListHeldAsync(pairing.Id, cancellationToken)).ToHashSet();
            var planned = new HashSet<DateOnly>(held);
            if (pairing.State == PairingState.Active)
            {
                planned.UnionWith(MeetingSchedule.Dates(pairing).TakeWhile(d => d <= last));
            }

            foreach (var monday in mondays.Where(m => m > accepted))
            {
                var week = planned.Where(d => MondayOf(d) == monday).ToList();
                if (week.Count > 0)
                {
                    data.Add(HealthIndicatorIds.OneOnOneCadence, monday, person, share, new HealthContribution(person, 1, week.Count(held.Contains), week.Count, []));
                }
            }

            var zone = TimeZones.FindOrUtc(pairing.TimeZoneId);
            var items = (await _oneOnOnes.ListActionItemsAsync(pairing.Id, cancellationToken)).Where(i => i.Due is not null).ToList();
            foreach (var monday in mondays.Where(m => m > accepted))
            {
                var due = items.Where(i => MondayOf(i.Due!.Value) == monday).ToList();
                if (due.Count > 0)
                {
                    var onTime = due.Count(i => i.DoneAt is { } done && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(done, zone).DateTime) <= i.Due!.Value);
                    data.Add(HealthIndicatorIds.ActionItemsOnTime, monday, person, share, new HealthContribution(person, 1, onTime, due.Count, []));
                }
            }
        }

        // Reflections: rounds of the lead's channels; answers are anonymous, so a round is the source.
        var setUps = await _reflections.ListLedByAsync(lead, cancellationToken);
        foreach (var channel in team.Channels)
        {
            var created = heldSince(setUps.Where(r => r.Channel == channel).Select(r => r.CreatedAt).FirstOrDefault());
            var members = (await _reflections.ListMembersAsync(channel, cancellationToken)).Where(m => m != lead).ToList();

            var sharingMembers = members.Where(sharers.Contains).ToList();
            var exposedMembers = members.Count(exposed.Contains);
            foreach (var round in await _reflections.ListRoundsAsync(channel, cancellationToken))
            {
                if (!weekOf.TryGetValue(round.Week, out var monday) || monday <= created || round.InvitedCount < HealthAggregation.MinPeople)
                {
                    continue;
                }

                var answers = (await _reflections.ListAnswersAsync(channel, round.Week, cancellationToken))
                    .Where(a => a.Parts.Any(p => !string.IsNullOrWhiteSpace(p.Text)))
                    .ToList();
                var key = channel.Key + "|" + round.Week;
                data.Add(HealthIndicatorIds.ReflectionParticipation, monday, null, exposedMembers, new HealthContribution(key, round.InvitedCount, answers.Count, round.InvitedCount, []));
                if (answers.Count >= ReflectionSummary.MinAnswersForDetail)
                {
                    var themes = answers.Select(a => ReflectionSummary.ThemesOf(_library, content, a)).ToList();
                    var parts = content.Actions.Select(a => themes.Count(t => t.Contains(a.Id))).ToList();
                    data.Add(HealthIndicatorIds.ReflectionThemes, monday, null, exposedMembers, new HealthContribution(key, answers.Count, themes.Count(t => t.Count > 0), answers.Count, parts));
                }
            }

            foreach (var sharer in sharingMembers)
            {
                var own = (await _reflections.ListOwnAnswersAsync(sharer, cancellationToken))
                    .Count(a => a.Channel == channel && weekOf.ContainsKey(a.Week) && a.Parts.Any(p => !string.IsNullOrWhiteSpace(p.Text)));
                data.Answered[sharer.Key] = data.Answered.GetValueOrDefault(sharer.Key) + own;
            }
        }

        // Practice: each report's own log (never a channel member's: see the sharers above), by the local date they practised; never a job-market step's (as the 1-on-1
        // agenda leaves them out), neither in the team figure nor in the numbers a member shares.
        var jobMarket = content.JobMarketStepIds;
        foreach (var member in team.Reports)
        {
            var entries = (await _progress.ListAsync(member, first, last, cancellationToken))
                .Where(e => e.StepId is null || !jobMarket.Contains(e.StepId))
                .ToList();
            var since = memberSince.TryGetValue(member, out var held) ? held : DateOnly.MaxValue;
            foreach (var week in entries.GroupBy(e => MondayOf(e.LocalDate)).Where(g => g.Key is { } monday && monday > since))
            {
                var parts = content.Actions.Select(a => week.Count(e => e.ActionId == a.Id)).ToList();
                data.Add(
                    HealthIndicatorIds.PracticeBalance,
                    week.Key!.Value,
                    member.Key,
                    exposed.Contains(member) ? 1 : 0,
                    new HealthContribution(member.Key, 1, parts.Sum(), 0, parts));
            }
        }

        return data;
    }

    /// <summary>One source's part of a week, with how many people who share their numbers stand behind it.</summary>
    private sealed record RawContribution(string? Person, int Sharers, HealthContribution Contribution);

    private sealed class RawData
    {
        private readonly Dictionary<(string Indicator, DateOnly Monday), List<RawContribution>> _cells = [];

        public Dictionary<string, int> Answered { get; } = new(StringComparer.Ordinal);

        public void Add(string indicator, DateOnly monday, string? person, int sharers, HealthContribution contribution)
        {
            if (!_cells.TryGetValue((indicator, monday), out var list))
            {
                _cells[(indicator, monday)] = list = [];
            }

            list.Add(new RawContribution(person, sharers, contribution));
        }

        public List<RawContribution> In(string indicator, DateOnly monday) =>
            _cells.TryGetValue((indicator, monday), out var list) ? list : [];

        public IEnumerable<RawContribution> All(string indicator) =>
            _cells.Where(c => c.Key.Indicator == indicator).SelectMany(c => c.Value);
    }
}
