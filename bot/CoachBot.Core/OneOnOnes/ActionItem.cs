using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>Something to do after a meeting; stays on every agenda of the pairing until done.</summary>
/// <param name="PairingId">Which pairing.</param>
/// <param name="Number">Unique within the pairing, counting from 1: what people type in <c>1on1 done</c>.</param>
/// <param name="Text">What to do.</param>
/// <param name="Owner">Who does it (one of the pair).</param>
/// <param name="Due">The due date, if one was given.</param>
/// <param name="MeetingDate">The meeting it came from, in the pairing's time zone.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
public sealed record ActionItem(
    string PairingId, int Number, string Text, UserRef Owner, DateOnly? Due, DateOnly MeetingDate, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// Who wrote it (one of the pair; may differ from <see cref="Owner"/>). Null for items saved before authors were
    /// kept. `forget me` deletes the items a person wrote as well as those they own: the text is their words.
    /// </summary>
    public UserRef? Author { get; init; }

    /// <summary>When it was marked done; null while open.</summary>
    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>The store's concurrency token (an ETag); null for an item never saved.</summary>
    public string? Version { get; init; }

    public bool IsOpen => DoneAt is null;
}
