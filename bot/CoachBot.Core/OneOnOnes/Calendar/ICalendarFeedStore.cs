using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes.Calendar;

/// <summary>
/// Each user's private calendar feed (<c>1on1 calendar</c>, docs/decisions/0038-calendar-feed.md). Only the SHA-256 of
/// the feed's token is stored, never the token itself: a copy of the table does not open anyone's feed.
/// </summary>
public interface ICalendarFeedStore
{
    /// <summary>
    /// The user whose current feed has the token hashed to <paramref name="tokenHash"/>; null for an unknown hash and
    /// for the hash of a feed replaced since (<see cref="ReplaceAsync"/>).
    /// </summary>
    Task<UserRef?> FindUserAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>The user's current feed, or null when they have none.</summary>
    Task<CalendarFeedRecord?> GetAsync(UserRef user, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="feed"/> the user's only feed: the previous one (if any) stops opening, even when a
    /// concurrent replacement left its row behind.
    /// </summary>
    Task ReplaceAsync(UserRef user, CalendarFeedRecord feed, CancellationToken cancellationToken);

    /// <summary>Deletes every row naming the user (forget me); deleting nothing is not an error.</summary>
    Task DeleteAsync(UserRef user, CancellationToken cancellationToken);
}

/// <summary>A user's feed as stored.</summary>
/// <param name="TokenHash">Lowercase hex SHA-256 of the token in the feed's URL.</param>
/// <param name="CreatedAt">When the address was made (shown when the user asks again).</param>
/// <param name="MadeByTurn">The <see cref="Conversation.TurnKeys"/> key of the message that made it, if the channel gave
/// one: the same message delivered again makes no second address.</param>
public sealed record CalendarFeedRecord(string TokenHash, DateTimeOffset CreatedAt, string? MadeByTurn = null);
