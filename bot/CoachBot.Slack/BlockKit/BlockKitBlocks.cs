using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using static CoachBot.Slack.BlockKit.BlockKitLimits;
using static CoachBot.Slack.BlockKit.BlockKitText;

namespace CoachBot.Slack.BlockKit;

/// <summary>Builds the blocks for the parts of a <see cref="Reply"/>: text, sections, buttons.</summary>
internal static class BlockKitBlocks
{
    /// <summary>Plain Core text as one or more mrkdwn sections of at most 3000 chars each.</summary>
    public static IEnumerable<JsonObject> TextSections(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : Split(Escape(text), SectionText).Select(piece => new JsonObject
            {
                ["type"] = "section",
                ["text"] = Mrkdwn(piece, SectionText),
            });

    /// <summary>A section: header, body sections, field sections (10 a block), image.</summary>
    public static IEnumerable<JsonObject> Section(ReplySection section)
    {
        if (!string.IsNullOrWhiteSpace(section.Title))
        {
            yield return new JsonObject
            {
                ["type"] = "header",
                ["text"] = Plain(section.Title.Trim(), HeaderText),
            };
        }

        foreach (var body in TextSections(section.Body))
        {
            yield return body;
        }

        foreach (var chunk in section.Fields.Chunk(SectionFields))
        {
            yield return new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. chunk.Select(Field)]),
            };
        }

        if (section.Image is { } image && Image(image, section.Title) is { } block)
        {
            yield return block;
        }
    }

    /// <summary>Buttons in actions blocks of at most 25; buttons that cannot be encoded within limits are dropped.</summary>
    public static IEnumerable<JsonObject> Actions(IEnumerable<JsonObject> buttons) =>
        buttons.Chunk(ActionsElements).Select(chunk => new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray([.. chunk]),
        });

    /// <summary>
    /// A button for the Core's <paramref name="button"/> as the <paramref name="index"/>-th button of its surface,
    /// or null when its action id or value would be over Slack's limits.
    /// </summary>
    public static JsonObject? Button(ReplyButton button, int index) =>
        Button(button.Label, SlackActionCodec.EncodeActionId(button.ActionId, index),
            SlackActionCodec.EncodeValue(button.Values), button.Style);

    /// <summary>A button from parts, or null when the action id or value is over Slack's limits.</summary>
    public static JsonObject? Button(string label, string actionId, string value, ButtonStyle style)
    {
        if (actionId.Length > ActionId || value.Length > ButtonValue)
        {
            return null;
        }

        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = Plain(Label(label), ButtonText),
            ["action_id"] = actionId,
            ["value"] = value,
        };
        var styleName = style switch
        {
            ButtonStyle.Primary => "primary",
            ButtonStyle.Danger => "danger",
            _ => null,
        };
        if (styleName is not null)
        {
            button["style"] = styleName;
        }

        return button;
    }

    /// <summary>Slack refuses empty plain_text; a blank label becomes the ellipsis rather than failing.</summary>
    public static string Label(string? text) => string.IsNullOrWhiteSpace(text) ? Ellipsis : text.Trim();

    private static JsonObject Field(ReplyField field)
    {
        var label = $"*{Cut(Escape(field.Label.Trim()), 300)}*";
        var value = Escape(field.Value);
        var room = SectionFieldText - label.Length - 1;
        return Mrkdwn(value.Length == 0 ? label : $"{label}\n{Cut(value, room)}", SectionFieldText);
    }

    private static JsonObject? Image(ReplyImage image, string? title)
    {
        // Slack fetches images itself, so only absolute http(s) URLs work (set Charts:PublicBaseUrl for charts).
        if (string.IsNullOrWhiteSpace(image.Url) || image.Url.Length > ImageUrl
            || !Uri.TryCreate(image.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var alt = !string.IsNullOrWhiteSpace(image.AltText) ? image.AltText : Label(title);
        return new JsonObject
        {
            ["type"] = "image",
            ["image_url"] = image.Url,
            ["alt_text"] = Cut(alt.Trim(), ImageAltText),
        };
    }
}
