using CoachBot.Content.Model;

namespace CoachBot.Core.Reading;

/// <summary>A book suggested to a user, with what it was matched to (for the "why this book" line).</summary>
/// <param name="Book">The suggested book.</param>
/// <param name="WeakestActionId">The least practised action (last 4 weeks) the book supports; null when the book
/// was not chosen for an action or all actions were practised equally.</param>
/// <param name="WeakestSkillId">The lowest-scored skill (latest self-assessment) the book supports; null when not.</param>
public sealed record ReadingSuggestion(Book Book, string? WeakestActionId, string? WeakestSkillId)
{
    /// <summary>The user's focus mission when the book supports it; null otherwise.</summary>
    public string? FocusMissionId { get; init; }
}
