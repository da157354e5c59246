namespace CoachBot.Core.Conversation;

/// <summary>Handles one or more typed verbs.</summary>
public interface ICommandHandler
{
    /// <summary>The verbs, lowercase; a verb may hold a space (e.g. <c>forget me</c>).</summary>
    IReadOnlyList<string> Verbs { get; }

    Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken);
}
