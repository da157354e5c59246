using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Cards;

/// <summary>
/// The Core's <see cref="Reply"/> as an Adaptive Card 1.5: sections as text blocks and fact sets, images, form inputs
/// with labels, and buttons as Action.Submit (or Action.Execute for invoke answers) whose data carries the Core's
/// action id under <see cref="ActionKey"/>.
/// </summary>
public sealed class AdaptiveCardRenderer : IAdaptiveCardRenderer
{
    /// <summary>The data key that holds the Core's action id.</summary>
    public const string ActionKey = "coachbot";

    /// <summary>The content type of an Adaptive Card attachment.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private const int MaxTopLevelActions = 6;
    private const int MaxTextLength = 5000;
    private const int MaxActionIdLength = 100;

    public Activity RenderMessage(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var structured = reply.Sections.Count > 0 || reply.Buttons.Count > 0 || reply.Form is not null;
        return new Activity
        {
            Type = "message",
            Text = reply.Text,
            TextFormat = "plain",
            Attachments = structured ? [new Attachment { ContentType = ContentType, Content = RenderCard(reply) }] : null,
        };
    }

    public JsonObject RenderCard(Reply reply) => Render(reply, execute: false);

    /// <summary>The card for an adaptiveCard/action invoke answer: buttons as Action.Execute.</summary>
    public JsonObject RenderCardForInvoke(Reply reply) => Render(reply, execute: true);

    public TurnAction? ReadAction(JsonNode? value)
    {
        if (value is not JsonObject data)
        {
            return null;
        }

        string? id;
        if (data["action"] is JsonObject { } execute && (string?)execute["type"] == "Action.Execute")
        {
            id = Text(execute["verb"]);
            data = execute["data"] as JsonObject ?? [];
        }
        else
        {
            id = Text(data[ActionKey]);
        }

        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxActionIdLength)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in data)
        {
            if (key != ActionKey && ValueText(node) is { } text)
            {
                values[key] = text;
            }
        }

        return new TurnAction(id, values);
    }

    private static JsonObject Render(Reply reply, bool execute)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var body = new JsonArray();
        if (reply.Sections.Count == 0)
        {
            body.Add(TextBlock(reply.Text, reply.IsError ? "attention" : null));
        }

        foreach (var section in reply.Sections)
        {
            if (section.Title is { Length: > 0 } title)
            {
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Cut(title), ["weight"] = "bolder", ["size"] = "medium", ["wrap"] = true });
            }

            if (section.Body is { Length: > 0 } text)
            {
                body.Add(TextBlock(text, reply.IsError ? "attention" : null));
            }

            if (section.Fields.Count > 0)
            {
                body.Add(new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray([.. section.Fields.Select(f => new JsonObject { ["title"] = Cut(f.Label), ["value"] = Cut(f.Value) })]),
                });
            }

            if (section.Image is { } image && Uri.TryCreate(image.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                body.Add(new JsonObject { ["type"] = "Image", ["url"] = image.Url, ["altText"] = image.AltText });
            }
        }

        var actions = new List<JsonObject>();
        if (reply.Form is { } form)
        {
            foreach (var input in form.Inputs)
            {
                body.Add(AdaptiveCardInputs.Render(input));
            }

            actions.Add(Action(form.SubmitLabel, form.SubmitActionId, new Dictionary<string, string>(), ButtonStyle.Primary, execute));
        }

        actions.AddRange(reply.Buttons.Select(b => Action(b.Label, b.ActionId, b.Values, b.Style, execute)));
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions.Count > MaxTopLevelActions)
        {
            // Teams shows at most six card actions; the rest go in action sets in the body.
            foreach (var chunk in actions.Skip(MaxTopLevelActions).Chunk(MaxTopLevelActions))
            {
                body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. chunk]) });
            }
        }

        card["actions"] = new JsonArray([.. actions.Take(MaxTopLevelActions)]);
        return card;
    }

    private static JsonObject Action(string title, string actionId, IReadOnlyDictionary<string, string> values, ButtonStyle style, bool execute)
    {
        var data = new JsonObject();
        foreach (var (key, value) in values)
        {
            if (key != ActionKey)
            {
                data[key] = value;
            }
        }

        var action = execute
            ? new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = actionId, ["data"] = data }
            : new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = Prepend(actionId, data) };
        if (style != ButtonStyle.Default)
        {
            action["style"] = style == ButtonStyle.Primary ? "positive" : "destructive";
        }

        return action;
    }

    private static JsonObject Prepend(string actionId, JsonObject data)
    {
        var result = new JsonObject { [ActionKey] = actionId };
        foreach (var (key, value) in data)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static JsonObject TextBlock(string text, string? color)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = Cut(text), ["wrap"] = true };
        if (color is not null)
        {
            block["color"] = color;
        }

        return block;
    }

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)] + "…";

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? ValueText(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() is JsonValueKind.Number => value.ToJsonString(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValueKind() == JsonValueKind.True ? "true" : "false",
        JsonArray array => string.Join(',', array.Select(n => ValueText(n)).OfType<string>()),
        _ => null,
    };
}
