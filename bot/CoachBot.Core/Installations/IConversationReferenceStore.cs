using CoachBot.Core.Users;

namespace CoachBot.Core.Installations;

/// <summary>Stores one conversation reference per user.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Inserts or replaces the user's reference.</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The reference, or null.</summary>
    Task<ConversationReference?> GetAsync(UserRef user, CancellationToken cancellationToken);

    /// <summary>Deletes the reference; a missing one is not an error.</summary>
    Task DeleteAsync(UserRef user, CancellationToken cancellationToken);
}
