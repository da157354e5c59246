using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;

namespace CoachBot.Teams.Cards;

/// <summary>Reads an Action.Submit value or an Action.Execute invoke value back into a <see cref="TurnAction"/>.</summary>
internal static class AdaptiveCardActionReader
{
    public static TurnAction? Read(JsonNode? value)
    {
        if (value is not JsonObject obj)
        {
            return null;
        }

        if (obj["action"] is JsonObject action
            && action["type"] is JsonValue typeValue
            && typeValue.TryGetValue<string>(out var type)
            && type == "Action.Execute")
        {
            var verb = AsId(action["verb"]);
            if (verb is null)
            {
                return null;
            }

            return new TurnAction(verb, Values(action["data"] as JsonObject, skipActionKey: false));
        }

        var id = AsId(obj[AdaptiveCardLimits.ActionKey]);
        return id is null ? null : new TurnAction(id, Values(obj, skipActionKey: true));
    }

    private static string? AsId(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var id))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(id) || id.Length > AdaptiveCardLimits.MaxActionIdLength ? null : id;
    }

    private static Dictionary<string, string> Values(JsonObject? data, bool skipActionKey)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data is null)
        {
            return values;
        }

        foreach (var (key, node) in data)
        {
            if (skipActionKey && key == AdaptiveCardLimits.ActionKey)
            {
                continue;
            }

            var text = node switch
            {
                JsonValue scalar => Scalar(scalar),
                JsonArray array => string.Join(",", array.OfType<JsonValue>().Select(Scalar).OfType<string>()),
                _ => null,
            };
            if (text is not null)
            {
                values[key] = text;
            }
        }

        return values;
    }

    private static string? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.True => bool.TrueString,
        JsonValueKind.False => bool.FalseString,
        _ => null,
    };
}
