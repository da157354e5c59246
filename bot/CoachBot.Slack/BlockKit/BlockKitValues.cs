using System.Text.Json.Nodes;

namespace CoachBot.Slack.BlockKit;

/// <summary>Reads the values a user entered in input blocks (a view's or a message's <c>state.values</c>).</summary>
public static class BlockKitValues
{
    /// <summary>
    /// Turns <c>state.values[block_id][action_id]</c> into input id (the action id, which the renderer sets to the
    /// input id) to value: text inputs give their value, selects and radio buttons the chosen option's value, multi
    /// selects and checkboxes the chosen values joined with commas, pickers the selected time (HH:mm) or date
    /// (yyyy-MM-dd). Elements with nothing entered are left out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(JsonObject stateValues)
    {
        ArgumentNullException.ThrowIfNull(stateValues);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, block) in stateValues)
        {
            if (block is not JsonObject actions)
            {
                continue;
            }

            foreach (var (actionId, element) in actions)
            {
                if (element is JsonObject state && ValueOf(state) is { } value)
                {
                    values[actionId] = value;
                }
            }
        }

        return values;
    }

    private static string? ValueOf(JsonObject state) => Str(state, "type") switch
    {
        "plain_text_input" or "number_input" or "email_text_input" or "url_text_input" => Str(state, "value"),
        "static_select" or "radio_buttons" or "external_select" => Str(state["selected_option"] as JsonObject, "value"),
        "multi_static_select" or "checkboxes" or "multi_external_select" => Joined(state["selected_options"] as JsonArray),
        "timepicker" => Str(state, "selected_time"),
        "datepicker" => Str(state, "selected_date"),
        _ => Str(state, "value"),
    };

    private static string? Joined(JsonArray? options)
    {
        if (options is null)
        {
            return null;
        }

        return string.Join(',', options.OfType<JsonObject>().Select(o => Str(o, "value")).OfType<string>());
    }

    private static string? Str(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
