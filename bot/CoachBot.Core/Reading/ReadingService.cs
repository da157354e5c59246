using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;

namespace CoachBot.Core.Reading;

/// <summary>
/// Chooses the next book for a user: `reading` uses it, and the scheduler calls <see cref="SuggestAsync"/> for the
/// weekly suggestion. Deterministic: the same history always gives the same book.
/// </summary>
public sealed class ReadingService
{
    /// <summary>Practice is counted over this many days (4 weeks) to find the weakest action.</summary>
    public const int PracticeWindowDays = 28;

    private readonly IProgressStore _progress;
    private readonly ISkillStore _skills;

    /// <param name="progress">The practice log.</param>
    /// <param name="skills">Skill self-assessments; optional so the bot runs (and ignores skills) where no skill
    /// store is wired yet.</param>
    public ReadingService(IProgressStore progress, ISkillStore skills)
    {
        _progress = progress;
        _skills = skills;
    }

    /// <summary>
    /// The unfinished, unskipped book best matched to the user's mission focus (a book tagged with it ranks first), then
    /// to the user's weakest action (fewest practices in the 4 weeks up
    /// to <paramref name="today"/>) and weakest skill (lowest score in the latest self-assessment). A book that
    /// supports a weakest action ranks above one that only supports a weakest skill; ties keep the reading list's
    /// order. Null when every book is finished or skipped.
    /// </summary>
    public async Task<ReadingSuggestion?> SuggestAsync(UserProfile profile, ContentCatalog content, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(content);
        var candidates = content.Books
            .Where(b => !profile.BooksFinished.Contains(b.Id) && !profile.BooksSkipped.Contains(b.Id))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        // A mission focus outranks the weakest action and skill: the user chose it (docs/decisions/0033-missions.md).
        var focus = profile.MissionFocus is { } id && content.FindMission(id) is not null ? id : null;
        var weakActions = await WeakestActionsAsync(profile.User, today, cancellationToken);
        var weakSkills = await WeakestSkillsAsync(profile.User, cancellationToken);
        var best = candidates
            .Select((book, index) => (book, index, score: (focus is not null && book.Missions.Contains(focus) ? 4 : 0)
                + (book.Actions.Any(weakActions.Contains) ? 2 : 0) + (book.Skills.Any(weakSkills.Contains) ? 1 : 0)))
            .OrderByDescending(x => x.score)
            .ThenBy(x => x.index)
            .First()
            .book;
        return new ReadingSuggestion(
            best,
            ContentVocabulary.ActionIds.FirstOrDefault(a => weakActions.Contains(a) && best.Actions.Contains(a)),
            ContentVocabulary.SkillIds.FirstOrDefault(s => weakSkills.Contains(s) && best.Skills.Contains(s)))
        {
            FocusMissionId = focus is not null && best.Missions.Contains(focus) ? focus : null,
        };
    }

    /// <summary>The actions with the fewest practices in the window; empty when all five are level (nothing to
    /// learn from, e.g. a new user).</summary>
    private async Task<IReadOnlySet<string>> WeakestActionsAsync(UserRef user, DateOnly today, CancellationToken cancellationToken)
    {
        var practice = await _progress.ListAsync(user, today.AddDays(1 - PracticeWindowDays), today, cancellationToken);
        var counts = ContentVocabulary.ActionIds.ToDictionary(a => a, a => practice.Count(p => p.ActionId == a), StringComparer.Ordinal);
        var min = counts.Values.Min();
        return min == counts.Values.Max() ? new HashSet<string>() : counts.Where(c => c.Value == min).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The skills with the lowest score in the latest assessment; empty without an assessment,
    /// or when every skill scored the same.</summary>
    private async Task<IReadOnlySet<string>> WeakestSkillsAsync(UserRef user, CancellationToken cancellationToken)
    {
        var latest = (await _skills.ListAsync(user, cancellationToken)).MaxBy(a => a.Month);
        var scores = latest?.Scores.Where(s => ContentVocabulary.SkillIds.Contains(s.Key)).ToList() ?? [];
        if (scores.Count == 0 || scores.Min(s => s.Value) == scores.Max(s => s.Value))
        {
            return new HashSet<string>();
        }

        var min = scores.Min(s => s.Value);
        return scores.Where(s => s.Value == min).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
    }
}
