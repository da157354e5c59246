using CoachBot.Core.Conversation;

namespace CoachBot.Host.Local;

/// <summary>
/// A <see cref="Reply"/> as the local channel sends it: the same fields, except that attachments are download links
/// (<see cref="LocalAttachment"/>) rather than inlined bytes. A test keeps the two types' properties in step.
/// </summary>
public sealed record LocalReply
{
    public required string Text { get; init; }

    public IReadOnlyList<ReplySection> Sections { get; init; } = [];

    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    public ReplyForm? Form { get; init; }

    public IReadOnlyList<LocalAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<ReplyLink> Links { get; init; } = [];

    public bool IsError { get; init; }

    /// <summary>The form input an error is about, if any (the playground can show the message there).</summary>
    public string? ErrorInputId { get; init; }

    /// <summary>The reply, with each attachment kept in <paramref name="downloads"/> and replaced by its link.</summary>
    public static LocalReply From(Reply reply, LocalDownloads downloads)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(downloads);
        return new LocalReply
        {
            Text = reply.Text,
            Sections = reply.Sections,
            Buttons = reply.Buttons,
            Form = reply.Form,
            Attachments = [.. reply.Attachments.Select(a => new LocalAttachment(a.FileName, a.MediaType, downloads.Add(a)))],
            Links = reply.Links,
            IsError = reply.IsError,
            ErrorInputId = reply.ErrorInputId,
        };
    }
}
