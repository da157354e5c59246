namespace CoachBot.Core.Conversation;

/// <summary>One input of a form.</summary>
public sealed record ReplyInput(string Id, string Label, InputKind Kind)
{
    public IReadOnlyList<ReplyChoice> Choices { get; init; } = [];

    /// <summary>Pre-filled value; for multi-choice, comma-separated choice values.</summary>
    public string? InitialValue { get; init; }

    public bool Required { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>Longest accepted text, for text inputs.</summary>
    public int? MaxLength { get; init; }
}
