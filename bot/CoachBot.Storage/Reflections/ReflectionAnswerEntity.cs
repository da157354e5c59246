using CoachBot.Core.Reflections;

namespace CoachBot.Storage.Reflections;

/// <summary>
/// The ReflectionAnswers row of one member's answers to one round. Deliberately has no user column: its RowKey is a
/// random id, and only the author's ReflectionAuthors row knows which id is theirs. A summary reads only these rows.
/// </summary>
internal sealed class ReflectionAnswerEntity : TableRow
{
    /// <summary>Columns a summary reads: the texts and consent flags, nothing else.</summary>
    public static readonly IReadOnlyList<string> SummaryColumns =
        ["Prompt1", "Text1", "Quote1", "Prompt2", "Text2", "Quote2", "Prompt3", "Text3", "Quote3"];

    public string? Prompt1 { get; set; }

    public string? Text1 { get; set; }

    public bool Quote1 { get; set; }

    public string? Prompt2 { get; set; }

    public string? Text2 { get; set; }

    public bool Quote2 { get; set; }

    public string? Prompt3 { get; set; }

    public string? Text3 { get; set; }

    public bool Quote3 { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public static ReflectionAnswerEntity From(ReflectionAnswer answer, string partitionKey, string rowKey)
    {
        if (answer.Parts.Count > ReflectionSchedule.PromptsPerRound)
        {
            throw new ArgumentException($"A round has at most {ReflectionSchedule.PromptsPerRound} answers.", nameof(answer));
        }

        var row = new ReflectionAnswerEntity { PartitionKey = partitionKey, RowKey = rowKey, UpdatedAt = TableDates.ToColumn(answer.UpdatedAt) };
        var parts = answer.Parts;
        (row.Prompt1, row.Text1, row.Quote1) = Part(parts, 0);
        (row.Prompt2, row.Text2, row.Quote2) = Part(parts, 1);
        (row.Prompt3, row.Text3, row.Quote3) = Part(parts, 2);
        return row;
    }

    public IReadOnlyList<AnswerPart> ToParts()
    {
        var parts = new List<AnswerPart>(3);
        Add(parts, Prompt1, Text1, Quote1);
        Add(parts, Prompt2, Text2, Quote2);
        Add(parts, Prompt3, Text3, Quote3);
        return parts;
    }

    private static (string?, string?, bool) Part(IReadOnlyList<AnswerPart> parts, int index) =>
        index < parts.Count ? (parts[index].PromptId, parts[index].Text, parts[index].MayQuote) : (null, null, false);

    private static void Add(List<AnswerPart> parts, string? prompt, string? text, bool quote)
    {
        if (prompt is not null)
        {
            parts.Add(new AnswerPart(prompt, text ?? string.Empty, quote));
        }
    }
}
