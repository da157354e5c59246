using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;

namespace CoachBot.Core.Missions;

/// <summary>Builds a user's <see cref="MissionOverview"/> from the practice log, skills and 1-on-1s. Read-only.</summary>
public sealed class MissionStandingService
{
    /// <summary>Practice and 1-on-1s count over this many days (12 weeks, the long window of <c>progress</c>).</summary>
    public const int WindowDays = ProgressReportService.LongWindowDays;

    /// <summary>The missions 1-on-1s count for: held as either side for growing engineers, as the manager for evaluation
    /// (the seed puts 1-on-1s under development, and evaluation interviews and feedback under evaluation).</summary>
    public const string AnyOneOnOneMission = "development";

    /// <summary>See <see cref="AnyOneOnOneMission"/>.</summary>
    public const string ManagerOneOnOneMission = "evaluation";

    private readonly IProgressStore _progress;
    private readonly ISkillStore _skills;
    private readonly IOneOnOneStore _oneOnOnes;

    public MissionStandingService(IProgressStore progress, ISkillStore skills, IOneOnOneStore oneOnOnes)
    {
        _progress = progress;
        _skills = skills;
        _oneOnOnes = oneOnOnes;
    }

    /// <summary>The overview for <paramref name="profile"/> on the local date <paramref name="today"/>.</summary>
    public async Task<MissionOverview> BuildAsync(UserProfile profile, ContentCatalog content, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(content);
        var log = await _progress.ListAsync(profile.User, DateOnly.MinValue, today, cancellationToken);
        var latest = (await _skills.ListAsync(profile.User, cancellationToken)).MaxBy(a => a.Month);
        var (asManager, asReport) = await OneOnOnesHeldAsync(profile.User, today, cancellationToken);
        return Build(profile, content, today, log, latest?.Scores, asManager, asReport);
    }

    /// <summary>The overview from data already read; <paramref name="log"/> is the whole practice log.</summary>
    public static MissionOverview Build(
        UserProfile profile,
        ContentCatalog content,
        DateOnly today,
        IReadOnlyList<PracticeEntry> log,
        IReadOnlyDictionary<string, int>? skillScores,
        int oneOnOnesAsManager,
        int oneOnOnesAsReport)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(log);
        var from = today.AddDays(1 - WindowDays);
        var recent = log.Where(e => e.LocalDate >= from && e.LocalDate <= today).ToList();
        var missions = content.Missions.Select(mission =>
        {
            var ids = mission.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var done = log.Where(e => e.StepId is not null && ids.Contains(e.StepId)).ToList();
            var skills = mission.Skills.Where(s => skillScores?.ContainsKey(s) == true).Select(s => skillScores![s]).ToList();
            int? held = mission.Id switch
            {
                AnyOneOnOneMission => oneOnOnesAsManager + oneOnOnesAsReport,
                ManagerOneOnOneMission => oneOnOnesAsManager,
                _ => null,
            };
            var standing = new MissionStanding(
                mission.Id,
                done.Select(e => e.StepId).Distinct(StringComparer.Ordinal).Count(),
                mission.Steps.Count(s => s.FitsRole(profile.Role) && s.FitsPath(profile.CareerPath)),
                done.Where(e => e.LocalDate >= from).Select(e => e.StepId).Distinct(StringComparer.Ordinal).Count(),
                recent.Count(e => mission.Actions.Contains(e.ActionId) || (e.StepId is not null && ids.Contains(e.StepId))),
                skills.Count == 0 ? null : (int)Math.Round(skills.Average(), MidpointRounding.AwayFromZero),
                held);
            return new MissionProgress(mission, standing, NextStep(mission, profile, log));
        }).ToList();
        var focus = profile.MissionFocus is { } id && content.FindMission(id) is not null ? id : null;
        return new MissionOverview(missions, focus);
    }

    /// <summary>
    /// The step to do next: the first step (in content order, which runs from the first moves to the bigger ones) that
    /// fits the user's role and path and was never done; once every such step is done, the one done longest ago.
    /// Null when no step fits the role.
    /// </summary>
    public static MicroStep? NextStep(Mission mission, UserProfile profile, IReadOnlyList<PracticeEntry> log)
    {
        ArgumentNullException.ThrowIfNull(mission);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(log);
        var fitting = mission.Steps.Where(s => s.FitsRole(profile.Role) && s.FitsPath(profile.CareerPath)).ToList();
        if (fitting.Count == 0)
        {
            return null;
        }

        var lastDone = log.Where(e => e.StepId is not null)
            .GroupBy(e => e.StepId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(e => e.LocalDate), StringComparer.Ordinal);
        return fitting.FirstOrDefault(s => !lastDone.ContainsKey(s.Id))
            ?? fitting.OrderBy(s => lastDone[s.Id]).First();
    }

    private async Task<(int AsManager, int AsReport)> OneOnOnesHeldAsync(UserRef user, DateOnly today, CancellationToken cancellationToken)
    {
        var from = today.AddDays(1 - WindowDays);
        var asManager = 0;
        var asReport = 0;
        foreach (var pairing in await _oneOnOnes.ListPairingsAsync(user, cancellationToken))
        {
            var held = (await _oneOnOnes.ListHeldAsync(pairing.Id, cancellationToken)).Count(d => d >= from && d <= today);
            if (pairing.Manager == user)
            {
                asManager += held;
            }
            else
            {
                asReport += held;
            }
        }

        return (asManager, asReport);
    }
}
