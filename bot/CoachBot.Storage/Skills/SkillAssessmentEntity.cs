using System.Globalization;
using CoachBot.Core.Skills;

namespace CoachBot.Storage.Skills;

/// <summary>
/// The Skills row of one month. Scores are one readable column, e.g. <c>technical=3,people=4</c>, in the order the
/// assessment gave them: a person browsing the table reads it at a glance, and the five skills never need a schema
/// change when the content adds or renames one.
/// </summary>
internal sealed class SkillAssessmentEntity : UserTableRow
{
    public const string MonthFormat = "yyyy-MM";

    public string Month { get; set; } = string.Empty;

    public string Scores { get; set; } = string.Empty;

    public DateTimeOffset? RecordedAt { get; set; }

    public static SkillAssessmentEntity From(SkillAssessment assessment, string partitionKey, string rowKey)
    {
        var row = Create<SkillAssessmentEntity>(assessment.User, partitionKey, rowKey);
        row.Month = FormatMonth(assessment.Month);
        row.Scores = FormatScores(assessment.Scores);
        row.RecordedAt = TableDates.ToColumn(assessment.RecordedAt);
        return row;
    }

    public static string FormatMonth(DateOnly month) => month.ToString(MonthFormat, CultureInfo.InvariantCulture);

    public SkillAssessment ToAssessment() => new(
        User(),
        DateOnly.ParseExact(Month, MonthFormat, CultureInfo.InvariantCulture),
        ParseScores(Scores),
        TableDates.FromColumn(RecordedAt));

    private static string FormatScores(IReadOnlyDictionary<string, int> scores)
    {
        foreach (var skill in scores.Keys)
        {
            // Skill ids are content ids (lowercase ASCII); these characters would make the column ambiguous.
            if (skill.Length == 0 || skill.AsSpan().IndexOfAny(",=") >= 0)
            {
                throw new ArgumentException($"Skill id '{skill}' cannot be stored: it must be non-empty and contain no ',' or '='.", nameof(scores));
            }
        }

        return string.Join(',', scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value}")));
    }

    private static Dictionary<string, int> ParseScores(string text)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(pair.AsSpan(separator + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level))
            {
                throw new FormatException($"Skills row has an unreadable score '{pair}'; expected 'skill=level'.");
            }

            scores[pair[..separator]] = level;
        }

        return scores;
    }
}
