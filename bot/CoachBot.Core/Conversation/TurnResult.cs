namespace CoachBot.Core.Conversation;

/// <summary>What a turn answered, and whether it only showed something.</summary>
/// <param name="Replies">The replies to show, in order.</param>
/// <param name="ChangedNothing">
/// True for a command that only shows something with its arguments (<see cref="VerbInfo.SafeWith"/>) and saved no
/// profile, not even one refreshed from the channel's hints; false for everything else, errors included, so an edge
/// that refreshes a view after a change errs on the side of refreshing. Such a command may still keep bookkeeping
/// that its own view recomputes (<c>1on1 agenda</c> records which questions it offered, <c>team health</c> freezes
/// past weeks, a bare <c>1on1 calendar</c> makes the address once); the App Home shows none of it as state.
/// </param>
public sealed record TurnResult(IReadOnlyList<Reply> Replies, bool ChangedNothing);
