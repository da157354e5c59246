using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachBot.Teams.Cards;

/// <summary>
/// A structural check of an Adaptive Card 1.5: known element and action types, required properties, unique input ids
/// and JSON value kinds. Returns the violations found (empty when the card is fine).
/// </summary>
public static class AdaptiveCardValidator
{
    private static readonly HashSet<string> ElementTypes = new(StringComparer.Ordinal)
    {
        "TextBlock", "RichTextBlock", "FactSet", "Image", "ImageSet", "Container", "ColumnSet", "ActionSet", "Table",
        "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
    };

    private static readonly HashSet<string> ActionTypes = new(StringComparer.Ordinal)
    {
        "Action.Submit", "Action.Execute", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility",
    };

    /// <summary>Lists what is wrong with <paramref name="card"/>, each as "path: problem".</summary>
    public static IReadOnlyList<string> Validate(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var walk = new Walk();
        if (Str(card, "type") != "AdaptiveCard")
        {
            walk.Add("$.type", "must be \"AdaptiveCard\"");
        }

        if (Str(card, "version") != AdaptiveCardLimits.Version)
        {
            walk.Add("$.version", $"must be the string \"{AdaptiveCardLimits.Version}\"");
        }

        CardContent(card, "$", walk);
        return walk.Violations;
    }

    private static void CardContent(JsonObject card, string path, Walk walk)
    {
        Elements(card, "body", path, walk, required: false);
        Actions(card, "actions", path, walk, required: false);
    }

    private static void Elements(JsonObject parent, string key, string path, Walk walk, bool required)
    {
        var list = ArrayOf(parent, key, path, walk, required);
        for (var i = 0; i < list.Count; i++)
        {
            Element(list[i], $"{path}.{key}[{i}]", walk);
        }
    }

    private static void Actions(JsonObject parent, string key, string path, Walk walk, bool required)
    {
        var list = ArrayOf(parent, key, path, walk, required);
        for (var i = 0; i < list.Count; i++)
        {
            Action(list[i], $"{path}.{key}[{i}]", walk);
        }
    }

    private static List<JsonNode?> ArrayOf(JsonObject parent, string key, string path, Walk walk, bool required)
    {
        if (!parent.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required)
            {
                walk.Add($"{path}.{key}", "is required (an array)");
            }

            return [];
        }

        if (node is not JsonArray array)
        {
            walk.Add($"{path}.{key}", "must be an array");
            return [];
        }

        return [.. array];
    }

    private static void Element(JsonNode? node, string path, Walk walk)
    {
        if (node is not JsonObject element)
        {
            walk.Add(path, "must be an object");
            return;
        }

        var type = Str(element, "type");
        if (type is null || !ElementTypes.Contains(type))
        {
            walk.Add($"{path}.type", $"unknown element type \"{type}\" (not in Adaptive Cards 1.5)");
            return;
        }

        Kind(element, "wrap", path, walk, JsonValueKind.True, JsonValueKind.False);
        Kind(element, "isVisible", path, walk, JsonValueKind.True, JsonValueKind.False);
        Kind(element, "id", path, walk, JsonValueKind.String);
        switch (type)
        {
            case "TextBlock":
                RequiredString(element, "text", path, walk);
                break;
            case "Image":
                RequiredString(element, "url", path, walk);
                Kind(element, "altText", path, walk, JsonValueKind.String);
                break;
            case "FactSet":
                Pairs(element, "facts", path, walk);
                break;
            case "ImageSet":
                Elements(element, "images", path, walk, required: true);
                break;
            case "Container":
                Elements(element, "items", path, walk, required: true);
                break;
            case "ColumnSet":
                Columns(element, path, walk);
                break;
            case "ActionSet":
                Actions(element, "actions", path, walk, required: true);
                break;
            case "Table":
                Table(element, path, walk);
                break;
            case "RichTextBlock":
                ArrayOf(element, "inlines", path, walk, required: true);
                break;
            default:
                Input(element, type, path, walk);
                break;
        }
    }

    private static void Input(JsonObject element, string type, string path, Walk walk)
    {
        var id = RequiredString(element, "id", path, walk);
        if (id is not null && !walk.InputIds.Add(id))
        {
            walk.Add($"{path}.id", $"input id \"{id}\" is used more than once in the card");
        }

        Kind(element, "label", path, walk, JsonValueKind.String);
        Kind(element, "isRequired", path, walk, JsonValueKind.True, JsonValueKind.False);
        Kind(element, "errorMessage", path, walk, JsonValueKind.String);
        Kind(element, "placeholder", path, walk, JsonValueKind.String);
        switch (type)
        {
            case "Input.Text":
                Kind(element, "isMultiline", path, walk, JsonValueKind.True, JsonValueKind.False);
                Kind(element, "maxLength", path, walk, JsonValueKind.Number);
                Kind(element, "value", path, walk, JsonValueKind.String);
                break;
            case "Input.Number":
                Kind(element, "value", path, walk, JsonValueKind.Number);
                break;
            case "Input.Toggle":
                RequiredString(element, "title", path, walk);
                break;
            case "Input.ChoiceSet":
                Kind(element, "isMultiSelect", path, walk, JsonValueKind.True, JsonValueKind.False);
                Kind(element, "value", path, walk, JsonValueKind.String);
                Pairs(element, "choices", path, walk);
                break;
            default:
                Kind(element, "value", path, walk, JsonValueKind.String);
                break;
        }
    }

    private static void Columns(JsonObject element, string path, Walk walk)
    {
        var columns = ArrayOf(element, "columns", path, walk, required: false);
        for (var i = 0; i < columns.Count; i++)
        {
            var columnPath = $"{path}.columns[{i}]";
            if (columns[i] is not JsonObject column)
            {
                walk.Add(columnPath, "must be an object");
                continue;
            }

            if (Str(column, "type") is { } type && type != "Column")
            {
                walk.Add($"{columnPath}.type", "must be \"Column\"");
            }

            Elements(column, "items", columnPath, walk, required: false);
        }
    }

    private static void Table(JsonObject element, string path, Walk walk)
    {
        var rows = ArrayOf(element, "rows", path, walk, required: false);
        for (var r = 0; r < rows.Count; r++)
        {
            var rowPath = $"{path}.rows[{r}]";
            if (rows[r] is not JsonObject row)
            {
                walk.Add(rowPath, "must be an object");
                continue;
            }

            var cells = ArrayOf(row, "cells", rowPath, walk, required: false);
            for (var c = 0; c < cells.Count; c++)
            {
                if (cells[c] is JsonObject cell)
                {
                    Elements(cell, "items", $"{rowPath}.cells[{c}]", walk, required: true);
                }
                else
                {
                    walk.Add($"{rowPath}.cells[{c}]", "must be an object");
                }
            }
        }
    }

    private static void Pairs(JsonObject element, string key, string path, Walk walk)
    {
        var list = ArrayOf(element, key, path, walk, required: true);
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = $"{path}.{key}[{i}]";
            if (list[i] is not JsonObject item)
            {
                walk.Add(itemPath, "must be an object");
                continue;
            }

            RequiredString(item, "title", itemPath, walk);
            RequiredString(item, "value", itemPath, walk);
        }
    }

    private static void Action(JsonNode? node, string path, Walk walk)
    {
        if (node is not JsonObject action)
        {
            walk.Add(path, "must be an object");
            return;
        }

        var type = Str(action, "type");
        if (type is null || !ActionTypes.Contains(type))
        {
            walk.Add($"{path}.type", $"unknown action type \"{type}\" (not in Adaptive Cards 1.5)");
            return;
        }

        RequiredString(action, "title", path, walk);
        Kind(action, "style", path, walk, JsonValueKind.String);
        if (Str(action, "style") is { } style && style is not ("default" or "positive" or "destructive"))
        {
            walk.Add($"{path}.style", "must be default, positive or destructive");
        }

        switch (type)
        {
            case "Action.Execute":
                RequiredString(action, "verb", path, walk);
                Kind(action, "data", path, walk, JsonValueKind.Object);
                break;
            case "Action.Submit":
                Kind(action, "data", path, walk, JsonValueKind.Object, JsonValueKind.String);
                break;
            case "Action.OpenUrl":
                RequiredString(action, "url", path, walk);
                break;
            case "Action.ShowCard":
                if (action["card"] is JsonObject card)
                {
                    CardContent(card, $"{path}.card", walk);
                }
                else
                {
                    walk.Add($"{path}.card", "is required (an object)");
                }

                break;
            default:
                break;
        }
    }

    private static string? RequiredString(JsonObject obj, string key, string path, Walk walk)
    {
        var value = Str(obj, key);
        if (string.IsNullOrEmpty(value))
        {
            walk.Add($"{path}.{key}", "is required (a non-empty string)");
        }

        return value;
    }

    private static void Kind(JsonObject obj, string key, string path, Walk walk, params JsonValueKind[] kinds)
    {
        if (obj.TryGetPropertyValue(key, out var node) && node is not null && !kinds.Contains(node.GetValueKind()))
        {
            walk.Add($"{path}.{key}", $"must be {string.Join(" or ", kinds)}");
        }
    }

    private static string? Str(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : null;

    private sealed class Walk
    {
        public List<string> Violations { get; } = [];

        public HashSet<string> InputIds { get; } = new(StringComparer.Ordinal);

        public void Add(string path, string problem) => Violations.Add($"{path}: {problem}");
    }
}
