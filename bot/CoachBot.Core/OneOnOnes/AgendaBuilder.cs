using System.Security.Cryptography;
using System.Text;
using CoachBot.Content.Model;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// Builds the agenda of a meeting from data already read: pure and deterministic, so the same input always gives the
/// same agenda in the same order.
/// </summary>
public static class AgendaBuilder
{
    /// <summary>A question suggested for a pair does not come back for this long.</summary>
    public const int NoRepeatDays = 56;

    /// <summary>How many questions the manager's side of an agenda suggests when the bank has enough.</summary>
    public const int QuestionCount = 3;

    /// <summary>
    /// How many questions the report's side suggests: one, so a weekly pairing does not run through the smaller bank of
    /// questions for the report within the 8 weeks a question stays away.
    /// </summary>
    public const int ReportQuestionCount = 1;

    /// <summary>The talking point source that ties a point to one pairing (points from elsewhere go to every pairing).</summary>
    public static string SourceFor(string pairingId) => "1on1:" + pairingId;

    public static Agenda Build(AgendaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pairing = input.Pairing;
        var items = input.ActionItems
            .Where(i => i.PairingId == pairing.Id && i.IsOpen)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Number)
            .ToList();

        var points = input.ManagerPoints.Where(p => Belongs(p, input)).Select(p => new AgendaTalkingPoint(p, ByManager: true))
            .Concat(input.ReportPoints.Where(p => Belongs(p, input)).Select(p => new AgendaTalkingPoint(p, ByManager: false)))
            .OrderBy(p => p.Point.CreatedAt)
            .ThenBy(p => p.ByManager ? 0 : 1)
            .ThenBy(p => p.Point.Id, StringComparer.Ordinal)
            .ToList();

        IReadOnlyList<PracticeCount>? practice = pairing.ShareRecentPractice
            ? [.. SharedPractice(input).GroupBy(e => e.ActionId, StringComparer.Ordinal)
                .Select(g => new PracticeCount(g.Key, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.ActionId, StringComparer.Ordinal)]
            : null;

        var (manager, report, fresh) = ChooseQuestions(input);
        return new Agenda(pairing, input.MeetingDate, items, points, practice, manager, report, fresh);
    }

    /// <summary>The report's practice the agenda may draw on: never a job-market step's.</summary>
    private static IEnumerable<Habits.PracticeEntry> SharedPractice(AgendaInput input) =>
        input.ReportPractice.Where(e => e.StepId is null || !input.JobMarketSteps.Contains(e.StepId));

    private static bool Belongs(TalkingPoint point, AgendaInput input)
    {
        // Points added with `1on1 add` belong to one pairing; points from reading or elsewhere go to every pairing.
        var forThisPairing = point.Source is null || !point.Source.StartsWith("1on1:", StringComparison.Ordinal)
            || point.Source == SourceFor(input.Pairing.Id);
        return forThisPairing && (input.TalkingPointsSince is not { } since || point.CreatedAt >= since);
    }

    /// <summary>
    /// The questions of each side: those recorded for this meeting when there are (the agenda reads the same every
    /// time it is opened, from either side), otherwise chosen now from the questions meant for that side.
    /// </summary>
    private static (IReadOnlyList<OneOnOneQuestion> Manager, IReadOnlyList<OneOnOneQuestion> Report, IReadOnlyList<AskedQuestion> New) ChooseQuestions(AgendaInput input)
    {
        var byId = input.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var asked = input.AskedQuestions.Where(a => a.PairingId == input.Pairing.Id).ToList();
        var thisMeeting = asked.Where(a => a.MeetingDate == input.MeetingDate).OrderBy(a => a.Order).ToList();

        // Recorded before audiences existed, a meeting's questions may include one meant for the report among the
        // manager's: each side shows only what is meant for it.
        var manager = thisMeeting.Where(a => !a.ForReport).Select(a => byId.GetValueOrDefault(a.QuestionId))
            .OfType<OneOnOneQuestion>().Where(q => q.ForManager).ToList();
        var report = thisMeeting.Where(a => a.ForReport).Select(a => byId.GetValueOrDefault(a.QuestionId))
            .OfType<OneOnOneQuestion>().Where(q => q.ForReport).ToList();
        var taken = thisMeeting.Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
        var fresh = new List<AskedQuestion>();
        if (manager.Count == 0)
        {
            manager = Choose(input, asked, taken, q => q.ForManager, QuestionCount);
            fresh.AddRange(manager.Select((q, i) => new AskedQuestion(input.Pairing.Id, q.Id, input.MeetingDate, i)));
            taken.UnionWith(manager.Select(q => q.Id));
        }

        if (report.Count == 0)
        {
            report = Choose(input, asked, taken, q => q.ForReport, ReportQuestionCount);
            fresh.AddRange(report.Select((q, i) => new AskedQuestion(input.Pairing.Id, q.Id, input.MeetingDate, AskedQuestion.ReportOrderBase + i)));
        }

        return (manager, report, fresh);
    }

    private static List<OneOnOneQuestion> Choose(
        AgendaInput input, IReadOnlyList<AskedQuestion> asked, HashSet<string> taken, Func<OneOnOneQuestion, bool> meantForSide, int count)
    {
        var recent = asked
            .Where(a => a.MeetingDate > input.MeetingDate.AddDays(-NoRepeatDays) && a.MeetingDate < input.MeetingDate.AddDays(NoRepeatDays))
            .Select(a => a.QuestionId)
            .ToHashSet(StringComparer.Ordinal);
        // Only with `1on1 share on`: the manager sees the chosen questions, so a ranking by unshared practice would
        // tell them what the report practised.
        var practised = input.Pairing.ShareRecentPractice
            ? SharedPractice(input).GroupBy(e => e.ActionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)
            : [];

        // Themed first (by how much the report practised the question's actions), then a rotation that differs per
        // pair and meeting but is the same for the same input.
        var ranked = input.Questions
            .Where(q => meantForSide(q) && !recent.Contains(q.Id) && !taken.Contains(q.Id))
            .OrderByDescending(q => q.Actions.Sum(a => practised.GetValueOrDefault(a)))
            .ThenBy(q => Rotation(input.Pairing.Id, input.MeetingDate, q.Id), StringComparer.Ordinal)
            .ToList();

        var chosen = new List<OneOnOneQuestion>();
        foreach (var question in ranked)
        {
            // One question per theme while there is a choice, so an agenda is not three career questions.
            if (chosen.Count < count && chosen.TrueForAll(c => c.Theme != question.Theme))
            {
                chosen.Add(question);
            }
        }

        chosen.AddRange(ranked.Where(q => !chosen.Contains(q)).Take(count - chosen.Count));
        return chosen;
    }

    private static string Rotation(string pairingId, DateOnly date, string questionId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{pairingId}|{date:yyyyMMdd}|{questionId}")));
}
