using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;

namespace CoachBot.Teams.Cards;

/// <summary>A form input as an Adaptive Card 1.5 input element with its label and required flag.</summary>
internal static class AdaptiveCardInputs
{
    public static JsonObject Render(ReplyInput input)
    {
        var element = input.Kind switch
        {
            InputKind.Choice or InputKind.MultiChoice when input.Choices.Count > 0 => new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["style"] = "compact",
                ["isMultiSelect"] = input.Kind == InputKind.MultiChoice,
                ["choices"] = new JsonArray([.. input.Choices.Take(100).Select(c => new JsonObject { ["title"] = c.Label, ["value"] = c.Value })]),
            },
            InputKind.Time => new JsonObject { ["type"] = "Input.Time" },
            InputKind.Date => new JsonObject { ["type"] = "Input.Date" },
            _ => new JsonObject { ["type"] = "Input.Text", ["isMultiline"] = input.Kind == InputKind.MultilineText },
        };
        element["id"] = input.Id;
        element["label"] = input.Label;
        if (input.Required)
        {
            element["isRequired"] = true;
            element["errorMessage"] = input.Label;
        }

        if (input.InitialValue is { Length: > 0 } initial)
        {
            element["value"] = initial;
        }

        if ((string?)element["type"] == "Input.Text")
        {
            if (input.Placeholder is { Length: > 0 } placeholder)
            {
                element["placeholder"] = placeholder;
            }

            if (input.MaxLength is { } max)
            {
                element["maxLength"] = max;
            }
        }

        return element;
    }
}
