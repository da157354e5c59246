using System.Text.Json.Nodes;
using static CoachBot.Slack.BlockKit.BlockKitLimits;

namespace CoachBot.Slack.BlockKit;

/// <summary>Walks rendered Block Kit JSON and collects every broken limit as a sentence.</summary>
internal sealed class BlockKitLimitChecker
{
    private readonly List<string> violations = [];

    public IReadOnlyList<string> Violations => violations;

    public void CheckView(JsonObject view)
    {
        var type = Str(view, "type");
        if (type is not (ModalSurface or HomeSurface))
        {
            violations.Add($"view type must be \"modal\" or \"home\", not \"{type}\"");
        }

        if (type == ModalSurface)
        {
            Text(view["title"] as JsonObject, "view title", ViewTitle, required: true, plainOnly: true);
            Text(view["submit"] as JsonObject, "view submit", ViewSubmit, required: false, plainOnly: true);
            Text(view["close"] as JsonObject, "view close", ViewClose, required: false, plainOnly: true);
        }

        Length(Str(view, "private_metadata"), "private_metadata", PrivateMetadata);
        Length(Str(view, "callback_id"), "callback_id", CallbackId);
        if (view["blocks"] is not JsonArray blocks)
        {
            violations.Add("view has no blocks array");
            return;
        }

        CheckBlocks(blocks, type ?? ModalSurface);
        if (type == ModalSurface && view["submit"] is null && blocks.Any(b => Str(b as JsonObject, "type") == "input"))
        {
            violations.Add("a modal with input blocks needs a submit button");
        }
    }

    public void CheckBlocks(JsonArray blocks, string surface)
    {
        var max = surface == MessageSurface ? MessageBlocks : ViewBlocks;
        if (surface is not (MessageSurface or ModalSurface or HomeSurface))
        {
            violations.Add($"unknown surface \"{surface}\" (use message, modal or home)");
        }

        if (blocks.Count > max)
        {
            violations.Add($"{blocks.Count} blocks on a {surface}, at most {max} allowed");
        }

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not JsonObject block)
            {
                violations.Add($"block {i} is not an object");
                continue;
            }

            var id = Str(block, "block_id");
            if (id is not null && !blockIds.Add(id))
            {
                violations.Add($"block {i}: block_id \"{id}\" is used twice");
            }

            CheckBlock(block, $"block {i} ({Str(block, "type")})");
        }
    }

    private void CheckBlock(JsonObject block, string where)
    {
        Length(Str(block, "block_id"), $"{where} block_id", BlockId);
        switch (Str(block, "type"))
        {
            case "section":
                CheckSection(block, where);
                break;
            case "header":
                Text(block["text"] as JsonObject, $"{where} text", HeaderText, required: true, plainOnly: true);
                break;
            case "context":
                var parts = block["elements"] as JsonArray ?? [];
                Count(parts.Count, $"{where} elements", 1, ContextElements);
                foreach (var part in parts.OfType<JsonObject>().Where(p => Str(p, "type") != "image"))
                {
                    Text(part, $"{where} element", ContextText, required: true, plainOnly: false);
                }

                break;
            case "actions":
                var elements = block["elements"] as JsonArray ?? [];
                Count(elements.Count, $"{where} elements", 1, ActionsElements);
                CheckElements(elements, where);
                break;
            case "image":
                Required(Str(block, "image_url"), $"{where} image_url", ImageUrl);
                Required(Str(block, "alt_text"), $"{where} alt_text", ImageAltText);
                break;
            case "input":
                Text(block["label"] as JsonObject, $"{where} label", InputLabel, required: true, plainOnly: true);
                Text(block["hint"] as JsonObject, $"{where} hint", InputHint, required: false, plainOnly: true);
                if (block["element"] is JsonObject element)
                {
                    CheckElement(element, $"{where} element");
                }
                else
                {
                    violations.Add($"{where} has no element");
                }

                break;
            case "divider":
                break;
            default:
                violations.Add($"{where}: unknown block type");
                break;
        }
    }

    private void CheckSection(JsonObject block, string where)
    {
        var fields = block["fields"] as JsonArray;
        if (block["text"] is null && (fields is null || fields.Count == 0))
        {
            violations.Add($"{where} needs text or fields");
        }

        Text(block["text"] as JsonObject, $"{where} text", SectionText, required: false, plainOnly: false);
        if (fields is not null)
        {
            Count(fields.Count, $"{where} fields", 1, SectionFields);
            foreach (var field in fields)
            {
                Text(field as JsonObject, $"{where} field", SectionFieldText, required: true, plainOnly: false);
            }
        }

        if (block["accessory"] is JsonObject accessory)
        {
            CheckElement(accessory, $"{where} accessory");
        }
    }

    private void CheckElements(JsonArray elements, string where)
    {
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in elements.OfType<JsonObject>())
        {
            var id = Str(element, "action_id");
            if (id is not null && !actionIds.Add(id))
            {
                violations.Add($"{where}: action_id \"{id}\" is used twice");
            }

            CheckElement(element, $"{where} {Str(element, "type")}");
        }
    }

    private void CheckElement(JsonObject element, string where)
    {
        Length(Str(element, "action_id"), $"{where} action_id", ActionId);
        Text(element["placeholder"] as JsonObject, $"{where} placeholder", Placeholder, required: false, plainOnly: true);
        switch (Str(element, "type"))
        {
            case "button":
                Text(element["text"] as JsonObject, $"{where} text", ButtonText, required: true, plainOnly: true);
                Length(Str(element, "value"), $"{where} value", ButtonValue);
                Length(Str(element, "url"), $"{where} url", ButtonUrl);
                break;
            case "plain_text_input":
                if (element["max_length"] is JsonValue maxLength &&
                    (!maxLength.TryGetValue<int>(out var value) || value < 1 || value > PlainTextInputMaxLength))
                {
                    violations.Add($"{where} max_length must be 1 to {PlainTextInputMaxLength}");
                }

                break;
            case "static_select" or "multi_static_select" or "radio_buttons" or "checkboxes":
                var options = element["options"] as JsonArray ?? [];
                Count(options.Count, $"{where} options", 1, SelectOptions);
                foreach (var option in options.OfType<JsonObject>())
                {
                    Text(option["text"] as JsonObject, $"{where} option text", OptionText, required: true, plainOnly: false);
                    Required(Str(option, "value"), $"{where} option value", OptionValue);
                }

                break;
        }
    }

    private void Text(JsonObject? text, string where, int max, bool required, bool plainOnly)
    {
        if (text is null)
        {
            if (required)
            {
                violations.Add($"{where} is missing");
            }

            return;
        }

        var type = Str(text, "type");
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            violations.Add($"{where} has text type \"{type}\", expected {(plainOnly ? "plain_text" : "plain_text or mrkdwn")}");
        }

        Required(Str(text, "text"), where, max);
    }

    private void Required(string? value, string where, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Add($"{where} is empty");
            return;
        }

        Length(value, where, max);
    }

    private void Length(string? value, string where, int max)
    {
        if (value is not null && value.Length > max)
        {
            violations.Add($"{where} has {value.Length} characters, at most {max} allowed");
        }
    }

    private void Count(int count, string where, int min, int max)
    {
        if (count < min || count > max)
        {
            violations.Add($"{where}: {count} items, {min} to {max} allowed");
        }
    }

    private static string? Str(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
