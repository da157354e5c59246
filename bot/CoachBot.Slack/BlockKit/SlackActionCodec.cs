using System.Text.Json;
using CoachBot.Core.Conversation;

namespace CoachBot.Slack.BlockKit;

/// <summary>
/// How a <see cref="ReplyButton"/> travels through Slack and back: <c>action_id</c> is the Core's action id plus
/// <c>|n</c> (Slack wants action ids unique within a message), <c>value</c> is the button's values as a JSON object.
/// </summary>
public static class SlackActionCodec
{
    /// <summary>Slack's limit on a button value.</summary>
    public const int MaxValueLength = 2000;

    /// <summary>Slack's limit on an action id.</summary>
    public const int MaxActionIdLength = 255;

    /// <summary>The action id of the button that opens a reply's form in a modal (messages cannot hold inputs well).</summary>
    public const string OpenFormAction = "slack.form.open";

    /// <summary>The <c>action_id</c> for the <paramref name="index"/>-th button of a message.</summary>
    public static string EncodeActionId(string actionId, int index) => $"{actionId}|{index}";

    /// <summary>The <c>value</c> for a button's values.</summary>
    public static string EncodeValue(IReadOnlyDictionary<string, string> values) =>
        JsonSerializer.Serialize(values, SlackJson.Options);

    /// <summary>
    /// The Core's action from a pressed element, or null when the action id or value is not one CoachBot made.
    /// </summary>
    public static TurnAction? Decode(string? actionId, string? value)
    {
        if (string.IsNullOrEmpty(actionId) || actionId.Length > MaxActionIdLength)
        {
            return null;
        }

        var bar = actionId.LastIndexOf('|');
        var id = bar > 0 ? actionId[..bar] : actionId;
        if (string.IsNullOrEmpty(value))
        {
            return new TurnAction(id, new Dictionary<string, string>());
        }

        if (value.Length > MaxValueLength)
        {
            return null;
        }

        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(value, SlackJson.Options);
            return values is null ? null : new TurnAction(id, values);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
