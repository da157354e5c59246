using System.Text.Json.Nodes;

namespace CoachBot.Teams.Cards;

/// <summary>
/// Structural checks of an Adaptive Card against the 1.5 schema's rules that matter to Teams: the card type and
/// version, known element and action types, each type's required properties, and unique input ids.
/// </summary>
public static class AdaptiveCardValidator
{
    private static readonly HashSet<string> Elements =
    [
        "TextBlock", "RichTextBlock", "FactSet", "Image", "ImageSet", "Container", "ColumnSet", "ActionSet", "Table",
        "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
    ];

    private static readonly HashSet<string> Actions = ["Action.Submit", "Action.Execute", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility"];

    /// <summary>Every violation found, empty for a valid card.</summary>
    public static IReadOnlyList<string> Validate(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problems = new List<string>();
        if (Text(card["type"]) != "AdaptiveCard")
        {
            problems.Add("type must be AdaptiveCard");
        }

        if (Text(card["version"]) != "1.5")
        {
            problems.Add("version must be 1.5");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (card["body"] is { } body)
        {
            CheckElements(body, "body", problems, ids);
        }

        if (card["actions"] is { } actions)
        {
            CheckActions(actions, "actions", problems);
        }

        return problems;
    }

    private static void CheckElements(JsonNode node, string where, List<string> problems, HashSet<string> ids)
    {
        if (node is not JsonArray elements)
        {
            problems.Add($"{where} must be an array");
            return;
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var path = $"{where}[{i}]";
            if (elements[i] is not JsonObject element || Text(element["type"]) is not { } type || !Elements.Contains(type))
            {
                problems.Add($"{path} is not a known Adaptive Card 1.5 element");
                continue;
            }

            CheckElement(element, type, path, problems, ids);
        }
    }

    private static void CheckElement(JsonObject element, string type, string path, List<string> problems, HashSet<string> ids)
    {
        switch (type)
        {
            case "TextBlock" when Text(element["text"]) is null:
                problems.Add($"{path} TextBlock needs text");
                break;
            case "Image" when !Uri.TryCreate(Text(element["url"]), UriKind.Absolute, out _):
                problems.Add($"{path} Image needs an absolute url");
                break;
            case "FactSet" when element["facts"] is not JsonArray facts || facts.Any(f => Text(f?["title"]) is null || Text(f?["value"]) is null):
                problems.Add($"{path} FactSet needs facts with title and value");
                break;
            case "ActionSet":
                CheckActions(element["actions"] ?? new JsonArray(), $"{path}.actions", problems);
                break;
            case "Container":
                CheckElements(element["items"] ?? new JsonArray(), $"{path}.items", problems, ids);
                break;
        }

        if (!type.StartsWith("Input.", StringComparison.Ordinal))
        {
            return;
        }

        if (Text(element["id"]) is not { Length: > 0 } id || !ids.Add(id))
        {
            problems.Add($"{path} {type} needs an id unique in the card");
        }

        if (type == "Input.ChoiceSet" && (element["choices"] is not JsonArray choices
            || choices.Any(c => Text(c?["title"]) is null || Text(c?["value"]) is null)))
        {
            problems.Add($"{path} Input.ChoiceSet needs choices with title and value");
        }
    }

    private static void CheckActions(JsonNode node, string where, List<string> problems)
    {
        if (node is not JsonArray actions)
        {
            problems.Add($"{where} must be an array");
            return;
        }

        for (var i = 0; i < actions.Count; i++)
        {
            var path = $"{where}[{i}]";
            var type = Text(actions[i]?["type"]);
            if (type is null || !Actions.Contains(type))
            {
                problems.Add($"{path} is not a known Adaptive Card 1.5 action");
            }
            else if (Text(actions[i]!["title"]) is null)
            {
                problems.Add($"{path} {type} needs a title");
            }
            else if (type == "Action.Execute" && Text(actions[i]!["verb"]) is null)
            {
                problems.Add($"{path} Action.Execute needs a verb");
            }
            else if (type == "Action.Submit" && actions[i]!["data"] is { } data && data is not JsonObject)
            {
                problems.Add($"{path} Action.Submit data must be an object");
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
