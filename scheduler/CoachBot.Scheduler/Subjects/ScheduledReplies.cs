using CoachBot.Core.Conversation;

namespace CoachBot.Scheduler.Subjects;

/// <summary>Small helpers for the replies the scheduler pushes.</summary>
public static class ScheduledReplies
{
    /// <summary>The reply with <paramref name="lead"/> in front, in its text and (when it has sections) as a first section.</summary>
    public static Reply WithLead(Reply reply, string lead)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply with
        {
            Text = lead + "\n" + reply.Text,
            Sections = reply.Sections.Count == 0 ? [] : [new ReplySection { Body = lead }, .. reply.Sections],
        };
    }

    /// <summary>True when the engine answered with a problem (storage down, say) instead of the content: not worth
    /// pushing; the occurrence is retried.</summary>
    public static bool AnyError(IReadOnlyList<Reply> replies) => replies.Count == 0 || replies.Any(r => r.IsError);
}
