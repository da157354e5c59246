namespace CoachBot.Core.Conversation;

/// <summary>
/// A channel-neutral answer. <see cref="Text"/> is always set and says everything on its own (it is what
/// notifications, screen readers and text-only clients show); sections, buttons and the form add structure for
/// channels that can render it.
/// </summary>
public sealed record Reply
{
    public required string Text { get; init; }

    public IReadOnlyList<ReplySection> Sections { get; init; } = [];

    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    public ReplyForm? Form { get; init; }

    /// <summary>Files that go with the reply.</summary>
    public IReadOnlyList<ReplyAttachment> Attachments { get; init; } = [];

    /// <summary>Links the user opens in a browser (e.g. a file's download link where the channel takes no files).</summary>
    public IReadOnlyList<ReplyLink> Links { get; init; } = [];

    /// <summary>True when the reply reports a problem with the user's input (edges may style it).</summary>
    public bool IsError { get; init; }

    /// <summary>For an error about a form submission: the id of the input it is about, so edges can show it there.</summary>
    public string? ErrorInputId { get; init; }

    /// <summary>A plain text reply with no structure.</summary>
    public static Reply Plain(string text) => new() { Text = text };
}
