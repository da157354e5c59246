using CoachBot.Core.Installations;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="IConversationReferenceStore"/> in memory: one reference per user, upserted.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConversationReference> _references = new(StringComparer.Ordinal);

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _references[reference.User.Key] = reference;
        }

        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_references.GetValueOrDefault(user.Key));
        }
    }

    public Task DeleteAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _references.Remove(user.Key);
        }

        return Task.CompletedTask;
    }
}
