using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>Stores a person's talking points for their next 1-on-1.</summary>
public interface ITalkingPointStore
{
    /// <summary>Adds a talking point; false when one with the same id exists already (nothing changes).</summary>
    Task<bool> AddAsync(TalkingPoint point, CancellationToken cancellationToken);

    /// <summary>Every talking point of the user, oldest first.</summary>
    Task<IReadOnlyList<TalkingPoint>> ListAsync(UserRef user, CancellationToken cancellationToken);

    /// <summary>Deletes every talking point of the user.</summary>
    Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken);
}
