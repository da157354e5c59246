namespace CoachBot.Core.Conversation;

/// <summary>A block of a reply: an optional title, body text, label/value fields and an image.</summary>
public sealed record ReplySection
{
    public string? Title { get; init; }

    public string? Body { get; init; }

    public IReadOnlyList<ReplyField> Fields { get; init; } = [];

    public ReplyImage? Image { get; init; }
}
