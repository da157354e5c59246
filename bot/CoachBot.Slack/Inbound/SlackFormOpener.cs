using System.Text.Json;
using CoachBot.Core.Conversation;
using CoachBot.Slack.BlockKit;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// The value of a "open the form" button: the turn that produced the form, so pressing the button (which brings a
/// fresh trigger id) runs it again and opens the form it answers with in a modal.
/// </summary>
public static class SlackFormOpener
{
    /// <summary>The opener for a turn, or null when it would not fit in a button value.</summary>
    public static string? Encode(string? text, TurnAction? action)
    {
        var value = action is null
            ? JsonSerializer.Serialize(new Opener(text ?? string.Empty, null, null), SlackJson.Options)
            : JsonSerializer.Serialize(new Opener(null, action.Id, action.Values), SlackJson.Options);
        return value.Length <= SlackActionCodec.MaxValueLength ? value : null;
    }

    /// <summary>The text or action to run again, or null when the value is not an opener.</summary>
    public static (string? Text, TurnAction? Action)? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > SlackActionCodec.MaxValueLength)
        {
            return null;
        }

        try
        {
            var opener = JsonSerializer.Deserialize<Opener>(value, SlackJson.Options);
            return opener switch
            {
                { A: { Length: > 0 } id } => (null, new TurnAction(id, opener.V ?? new Dictionary<string, string>())),
                { T: { } text } => (text, null),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Opener(string? T, string? A, IReadOnlyDictionary<string, string>? V);
}
