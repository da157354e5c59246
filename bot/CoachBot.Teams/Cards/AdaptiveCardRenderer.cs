using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Cards;

/// <summary>Renders the Core's <see cref="Reply"/> as Adaptive Cards 1.5 and reads submissions back.</summary>
public sealed class AdaptiveCardRenderer : IAdaptiveCardRenderer
{
    /// <inheritdoc />
    public Activity RenderMessage(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var activity = new Activity { Type = "message", Text = reply.Text, TextFormat = "plain" };
        if (HasStructure(reply))
        {
            activity.Attachments =
            [
                new Attachment { ContentType = AdaptiveCardLimits.ContentType, Content = RenderCard(reply) },
            ];
        }

        return activity;
    }

    /// <inheritdoc />
    public JsonObject RenderCard(Reply reply) => Render(reply, execute: false);

    /// <inheritdoc />
    public JsonObject RenderCardForInvoke(Reply reply) => Render(reply, execute: true);

    /// <inheritdoc />
    public TurnAction? ReadAction(JsonNode? value) => AdaptiveCardActionReader.Read(value);

    /// <summary>True when the reply needs a card (sections, buttons, links, a form or images).</summary>
    public static bool HasStructure(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Sections.Count > 0 || reply.Buttons.Count > 0 || reply.Links.Count > 0 || reply.Form is not null;
    }

    private static JsonObject Render(Reply reply, bool execute)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var body = new List<JsonObject>();
        if (reply.Sections.Count == 0 || reply.IsError)
        {
            if (!string.IsNullOrWhiteSpace(reply.Text))
            {
                var text = TextBlock(reply.Text);
                if (reply.IsError)
                {
                    text["color"] = "attention";
                }

                body.Add(text);
            }
        }

        foreach (var section in reply.Sections)
        {
            AddSection(body, section);
        }

        // Keep room for the form (title and inputs), the overflow action set and the "…" marker.
        var reserve = (reply.Form is null ? 0 : reply.Form.Inputs.Count + 1) + 2;
        var budget = Math.Max(0, AdaptiveCardLimits.MaxBodyElements - reserve);
        if (body.Count > budget)
        {
            body.RemoveRange(budget, body.Count - budget);
            body.Add(TextBlock("…"));
        }

        var actions = new List<JsonObject>();
        if (reply.Form is { } form)
        {
            if (!string.IsNullOrWhiteSpace(form.Title))
            {
                body.Add(Title(form.Title));
            }

            foreach (var input in form.Inputs)
            {
                body.Add(AdaptiveCardInputs.Render(input));
            }

            var submit = new ReplyButton(form.SubmitLabel, form.SubmitActionId, new Dictionary<string, string>(), ButtonStyle.Primary);
            actions.Add(Button(submit, execute));
        }

        // Links first: on a reply that has one (the export download) it is what the user came for.
        actions.InsertRange(reply.Form is null ? 0 : 1, reply.Links.Where(l => IsWebUrl(l.Url)).Select(OpenUrl));
        actions.AddRange(reply.Buttons.Select(b => Button(b, execute)));
        var topLevel = actions.Take(AdaptiveCardLimits.MaxTopLevelActions).ToList();
        var overflow = actions.Skip(AdaptiveCardLimits.MaxTopLevelActions).ToList();
        if (overflow.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. overflow]) });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = AdaptiveCardLimits.Schema,
            ["version"] = AdaptiveCardLimits.Version,
            ["body"] = new JsonArray([.. body]),
        };
        if (topLevel.Count > 0)
        {
            card["actions"] = new JsonArray([.. topLevel]);
        }

        return card;
    }

    private static void AddSection(List<JsonObject> body, ReplySection section)
    {
        if (!string.IsNullOrWhiteSpace(section.Title))
        {
            body.Add(Title(section.Title));
        }

        if (!string.IsNullOrWhiteSpace(section.Body))
        {
            body.Add(TextBlock(section.Body));
        }

        if (section.Fields.Count > 0)
        {
            var facts = new JsonArray();
            foreach (var field in section.Fields)
            {
                facts.Add(new JsonObject
                {
                    ["title"] = AdaptiveCardLimits.Cut(field.Label),
                    ["value"] = AdaptiveCardLimits.Cut(field.Value),
                });
            }

            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        if (section.Image is { } image && IsWebUrl(image.Url))
        {
            body.Add(new JsonObject { ["type"] = "Image", ["url"] = image.Url, ["altText"] = image.AltText });
        }
    }

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static JsonObject TextBlock(string text) =>
        new() { ["type"] = "TextBlock", ["text"] = AdaptiveCardLimits.Cut(text), ["wrap"] = true };

    private static JsonObject Title(string text)
    {
        var block = TextBlock(text);
        block["weight"] = "bolder";
        block["size"] = "medium";
        return block;
    }

    /// <summary>Action.OpenUrl: the client opens the URL in the browser; nothing comes back to the bot.</summary>
    private static JsonObject OpenUrl(ReplyLink link) =>
        new() { ["type"] = "Action.OpenUrl", ["title"] = link.Label, ["url"] = link.Url };

    private static JsonObject Button(ReplyButton button, bool execute)
    {
        var data = new JsonObject();
        foreach (var (key, value) in button.Values)
        {
            if (execute || key != AdaptiveCardLimits.ActionKey)
            {
                data[key] = value;
            }
        }

        JsonObject action;
        if (execute)
        {
            action = new JsonObject { ["type"] = "Action.Execute", ["title"] = button.Label, ["verb"] = button.ActionId, ["data"] = data };
        }
        else
        {
            data[AdaptiveCardLimits.ActionKey] = button.ActionId;
            action = new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Label, ["data"] = data };
        }

        var style = button.Style switch
        {
            ButtonStyle.Primary => "positive",
            ButtonStyle.Danger => "destructive",
            _ => null,
        };
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }
}
