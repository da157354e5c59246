namespace CoachBot.Core.Conversation;

/// <summary>
/// Something kept for a person until they first reach the bot (a 1-on-1 proposal the platform could not deliver to
/// them). Asked on a direct turn of someone without a stored profile, and on the empty turn a channel sends when the
/// app is added (Teams' install greeting); its replies follow the turn's own.
/// </summary>
public interface IFirstContactHandler
{
    /// <summary>The replies waiting for the turn's user; empty when nothing waits.</summary>
    Task<IReadOnlyList<Reply>> OnFirstContactAsync(TurnContext context, CancellationToken cancellationToken);
}
