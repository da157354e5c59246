using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using static CoachBot.Slack.BlockKit.BlockKitLimits;
using static CoachBot.Slack.BlockKit.BlockKitText;

namespace CoachBot.Slack.BlockKit;

/// <summary>
/// Input blocks for a form's inputs: block_id and action_id are both the input id, so
/// <see cref="BlockKitValues.Read"/> can map <c>state.values</c> back to input ids.
/// </summary>
internal static class BlockKitInputs
{
    public static JsonObject Input(ReplyInput input) => new()
    {
        ["type"] = "input",
        ["block_id"] = input.Id,
        ["optional"] = !input.Required,
        ["label"] = Plain(BlockKitBlocks.Label(input.Label), InputLabel),
        ["element"] = Element(input),
    };

    /// <summary>The element for the input's kind; a choice with no usable option becomes a text input.</summary>
    private static JsonObject Element(ReplyInput input)
    {
        var element = input.Kind switch
        {
            InputKind.Text => TextInput(input, multiline: false),
            InputKind.MultilineText => TextInput(input, multiline: true),
            InputKind.Choice when Options(input).Count > 0 => Select(input),
            InputKind.MultiChoice when Options(input).Count > 0 => MultiSelect(input),
            InputKind.Time => Picker("timepicker", "initial_time", TimeValue(input.InitialValue)),
            InputKind.Date => Picker("datepicker", "initial_date", DateValue(input.InitialValue)),
            _ => TextInput(input, multiline: false),
        };
        element["action_id"] = input.Id;
        if (!string.IsNullOrWhiteSpace(input.Placeholder))
        {
            element["placeholder"] = Plain(input.Placeholder.Trim(), Placeholder);
        }

        return element;
    }

    private static JsonObject TextInput(ReplyInput input, bool multiline)
    {
        var element = new JsonObject { ["type"] = "plain_text_input" };
        if (multiline)
        {
            element["multiline"] = true;
        }

        var max = input.MaxLength is > 0 and int m ? Math.Min(m, PlainTextInputMaxLength) : (int?)null;
        if (max is not null)
        {
            element["max_length"] = max.Value;
        }

        if (!string.IsNullOrEmpty(input.InitialValue))
        {
            element["initial_value"] = Cut(input.InitialValue, max ?? PlainTextInputMaxLength);
        }

        return element;
    }

    private static JsonObject Select(ReplyInput input)
    {
        var options = Options(input);
        var element = new JsonObject { ["type"] = "static_select", ["options"] = new JsonArray([.. options]) };
        var initial = options.FirstOrDefault(o => (string?)o["value"] == input.InitialValue);
        if (input.InitialValue is not null && initial is not null)
        {
            element["initial_option"] = initial.DeepClone();
        }

        return element;
    }

    private static JsonObject MultiSelect(ReplyInput input)
    {
        var options = Options(input);
        var element = new JsonObject { ["type"] = "multi_static_select", ["options"] = new JsonArray([.. options]) };
        var wanted = (input.InitialValue ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var initial = options.Where(o => wanted.Contains((string?)o["value"] ?? string.Empty)).ToList();
        if (initial.Count > 0)
        {
            element["initial_options"] = new JsonArray([.. initial.Select(o => o.DeepClone())]);
        }

        return element;
    }

    /// <summary>
    /// At most 100 options; a choice whose value is over 150 chars cannot be sent back intact and is left out, and
    /// duplicate values are kept once (Slack refuses them).
    /// </summary>
    private static List<JsonObject> Options(ReplyInput input) =>
        [.. input.Choices
            .Where(c => !string.IsNullOrEmpty(c.Value) && c.Value.Length <= OptionValue)
            .DistinctBy(c => c.Value, StringComparer.Ordinal)
            .Take(SelectOptions)
            .Select(c => new JsonObject
            {
                ["text"] = Plain(BlockKitBlocks.Label(c.Label), OptionText),
                ["value"] = c.Value,
            })];

    private static JsonObject Picker(string type, string initialName, string? initial)
    {
        var element = new JsonObject { ["type"] = type };
        if (initial is not null)
        {
            element[initialName] = initial;
        }

        return element;
    }

    private static string? TimeValue(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : null;

    private static string? DateValue(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
}
