namespace CoachBot.Core.Conversation;

/// <summary>Handles the button presses and form submissions whose action id starts with <see cref="ActionPrefix"/>.</summary>
public interface IActionHandler
{
    /// <summary>E.g. <c>settings.</c>; every action id this handler offers starts with it.</summary>
    string ActionPrefix { get; }

    Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken);
}
