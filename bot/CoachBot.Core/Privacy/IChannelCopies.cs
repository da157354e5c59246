using CoachBot.Core.Users;

namespace CoachBot.Core.Privacy;

/// <summary>
/// Copies of a user's data that a channel keeps outside CoachBot's stores (files the bot uploaded to Slack). A
/// channel edge implements it; `forget me` calls every one before it deletes the user's rows.
/// </summary>
public interface IChannelCopies
{
    /// <summary>
    /// Deletes the user's copies on their channel. Never throws for a copy the channel refused to delete: it keeps
    /// that copy's id so the next `forget me` tries again, and returns how many copies are still there.
    /// </summary>
    Task<int> DeleteAllAsync(UserRef user, CancellationToken cancellationToken);
}
