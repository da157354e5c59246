using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Cards;

/// <summary>
/// Renders the Core's <see cref="Reply"/> as an Adaptive Card 1.5 and reads card submissions back into the Core's
/// <see cref="TurnAction"/>.
/// </summary>
public interface IAdaptiveCardRenderer
{
    /// <summary>A message activity: the reply's text (always) and, when it has structure, one card attachment.</summary>
    Activity RenderMessage(Reply reply);

    /// <summary>The card alone (the body of an adaptiveCard/action invoke response).</summary>
    JsonObject RenderCard(Reply reply);

    /// <summary>
    /// The card with its buttons and form submit as Action.Execute (verb = action id, data = the button's values), for
    /// answering an adaptiveCard/action invoke with an updated card.
    /// </summary>
    JsonObject RenderCardForInvoke(Reply reply);

    /// <summary>
    /// The action of an Action.Submit <c>value</c> or an Action.Execute <c>value.action</c> (verb + data), with the
    /// card's input values; null when the value is not one of CoachBot's.
    /// </summary>
    TurnAction? ReadAction(JsonNode? value);
}
