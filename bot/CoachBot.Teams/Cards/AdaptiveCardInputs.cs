using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;

namespace CoachBot.Teams.Cards;

/// <summary>Renders a <see cref="ReplyInput"/> as an Adaptive Card input element.</summary>
internal static class AdaptiveCardInputs
{
    public static JsonObject Render(ReplyInput input)
    {
        var label = string.IsNullOrWhiteSpace(input.Label) ? input.Id : input.Label;
        var element = input.Kind switch
        {
            InputKind.MultilineText => TextInput(input, multiline: true),
            InputKind.Choice => ChoiceSet(input, multiSelect: false),
            InputKind.MultiChoice => ChoiceSet(input, multiSelect: true),
            InputKind.Time => Simple("Input.Time", input),
            InputKind.Date => Simple("Input.Date", input),
            _ => TextInput(input, multiline: false),
        };
        element["label"] = AdaptiveCardLimits.Cut(label);
        if (input.Required)
        {
            element["isRequired"] = true;
            element["errorMessage"] = AdaptiveCardLimits.Cut(label);
        }

        return element;
    }

    private static JsonObject Simple(string type, ReplyInput input)
    {
        var element = new JsonObject { ["type"] = type, ["id"] = input.Id };
        if (!string.IsNullOrEmpty(input.InitialValue))
        {
            element["value"] = input.InitialValue;
        }

        if (!string.IsNullOrEmpty(input.Placeholder))
        {
            element["placeholder"] = input.Placeholder;
        }

        return element;
    }

    private static JsonObject TextInput(ReplyInput input, bool multiline)
    {
        var element = Simple("Input.Text", input);
        if (multiline)
        {
            element["isMultiline"] = true;
        }

        if (input.MaxLength is > 0)
        {
            element["maxLength"] = input.MaxLength.Value;
        }

        return element;
    }

    private static JsonObject ChoiceSet(ReplyInput input, bool multiSelect)
    {
        var choices = new JsonArray();
        foreach (var choice in input.Choices)
        {
            choices.Add(new JsonObject
            {
                ["title"] = string.IsNullOrEmpty(choice.Label) ? choice.Value : choice.Label,
                ["value"] = choice.Value,
            });
        }

        var element = Simple("Input.ChoiceSet", input);
        element["style"] = "compact";
        element["choices"] = choices;
        if (multiSelect)
        {
            element["isMultiSelect"] = true;
        }

        return element;
    }
}
