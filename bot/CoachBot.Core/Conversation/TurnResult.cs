namespace CoachBot.Core.Conversation;

/// <summary>What a turn answered, and whether it only showed something.</summary>
/// <param name="Replies">The replies to show, in order.</param>
/// <param name="ChangedNothing">
/// True for a command that changes nothing with its arguments (<see cref="VerbInfo.SafeWith"/>) and saved no
/// profile; false for everything else, errors included, so an edge that refreshes a view after a change errs on the
/// side of refreshing.
/// </param>
public sealed record TurnResult(IReadOnlyList<Reply> Replies, bool ChangedNothing);
