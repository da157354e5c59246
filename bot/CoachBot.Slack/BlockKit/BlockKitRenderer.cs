using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Slack.Api;
using static CoachBot.Slack.BlockKit.BlockKitLimits;
using static CoachBot.Slack.BlockKit.BlockKitText;

namespace CoachBot.Slack.BlockKit;

/// <summary>
/// Renders replies as Block Kit. Core text is plain text: it is escaped wherever it goes into mrkdwn or the fallback
/// text, split into several sections when long, and cut with an ellipsis when over a limit; blocks beyond a surface's
/// limit are dropped and a context block with an ellipsis marks the cut.
/// </summary>
public sealed class BlockKitRenderer : IBlockKitRenderer
{
    /// <summary>
    /// On the App Home tab there is no trigger to open a form from, so a dashboard's form becomes an
    /// <see cref="SlackActionCodec.OpenFormAction"/> button whose value is
    /// <see cref="SlackActionCodec.EncodeValue"/> of { <see cref="HomeFormValueKey"/>: the form's submit action id };
    /// the interaction handler can tell it from a message opener by that key.
    /// </summary>
    public const string HomeFormValueKey = "form";

    /// <summary>Longest error text shown under an input of a modal (Slack shows it in a small line).</summary>
    public const int SubmissionErrorText = 2000;

    /// <inheritdoc />
    public SlackMessage RenderMessage(string channel, Reply reply, string? formOpener = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var budget = new BlockBudget(MessageBlocks, MessageBlocksTextBudget);
        budget.AddRange(BlockKitBlocks.TextSections(reply.Text));
        AddSections(budget, reply);
        var buttons = Buttons(reply, out var index);
        if (reply.Form is { } form)
        {
            if (formOpener is not null)
            {
                buttons.Add(BlockKitBlocks.Button(form.Title, SlackActionCodec.EncodeActionId(SlackActionCodec.OpenFormAction, index), formOpener, ButtonStyle.Primary));
            }
            else
            {
                budget.AddRange(form.Inputs.Select(BlockKitInputs.Input));
                buttons.Add(BlockKitBlocks.Button(form.SubmitLabel, SlackActionCodec.EncodeActionId(form.SubmitActionId, index),
                    SlackActionCodec.EncodeValue(new Dictionary<string, string>()), ButtonStyle.Primary));
            }
        }

        budget.AddRange(BlockKitBlocks.Actions(buttons.OfType<JsonObject>()));
        return new SlackMessage(channel, Cut(Escape(reply.Text), MessageText), budget.Finish());
    }

    /// <inheritdoc />
    public JsonObject RenderModal(Reply reply, string privateMetadata)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(privateMetadata);
        if (privateMetadata.Length > PrivateMetadata)
        {
            throw new ArgumentException(
                $"Private metadata has {privateMetadata.Length} characters; Slack allows {PrivateMetadata}. Keep only ids in it.",
                nameof(privateMetadata));
        }

        var view = new JsonObject { ["type"] = ModalSurface };
        if (reply.Form is { } form)
        {
            // Inputs come before anything that could push them out: a modal without its inputs is useless.
            var inputs = form.Inputs.Take(ViewBlocks - 1).Select(BlockKitInputs.Input).ToList();
            var content = new BlockBudget(ViewBlocks - inputs.Count);
            content.AddRange(BlockKitBlocks.TextSections(reply.Text));
            AddSections(content, reply);
            var blocks = content.Finish();
            foreach (var input in inputs)
            {
                blocks.Add(input);
            }

            view["title"] = Plain(BlockKitBlocks.Label(form.Title), ViewTitle);
            view["submit"] = Plain(BlockKitBlocks.Label(form.SubmitLabel), ViewSubmit);
            view["callback_id"] = form.SubmitActionId;
            view["private_metadata"] = privateMetadata;
            view["blocks"] = blocks;
            return view;
        }

        // A modal without a form shows the reply (e.g. the outcome of a submission) with its buttons.
        var budget = new BlockBudget(ViewBlocks);
        budget.AddRange(BlockKitBlocks.TextSections(reply.Text));
        AddSections(budget, reply);
        budget.AddRange(BlockKitBlocks.Actions(Buttons(reply, out _).OfType<JsonObject>()));
        view["title"] = Plain(BlockKitBlocks.Label(reply.Sections.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.Title))?.Title ?? FirstLine(reply.Text)), ViewTitle);
        view["private_metadata"] = privateMetadata;
        view["blocks"] = budget.Finish();
        return view;
    }

    /// <inheritdoc />
    public JsonObject RenderHome(Reply dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var budget = new BlockBudget(ViewBlocks);
        budget.AddRange(BlockKitBlocks.TextSections(dashboard.Text));
        AddSections(budget, dashboard);
        var buttons = Buttons(dashboard, out var index);
        if (dashboard.Form is { } form)
        {
            var value = SlackActionCodec.EncodeValue(new Dictionary<string, string> { [HomeFormValueKey] = form.SubmitActionId });
            buttons.Add(BlockKitBlocks.Button(form.Title, SlackActionCodec.EncodeActionId(SlackActionCodec.OpenFormAction, index), value, ButtonStyle.Primary));
        }

        budget.AddRange(BlockKitBlocks.Actions(buttons.OfType<JsonObject>()));
        return new JsonObject { ["type"] = HomeSurface, ["blocks"] = budget.Finish() };
    }

    /// <inheritdoc />
    public JsonObject RenderSubmissionErrors(Reply failure, ReplyForm form)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(form);
        var blockId = form.Inputs.Any(i => i.Id == failure.ErrorInputId)
            ? failure.ErrorInputId
            : form.Inputs.Count > 0 ? form.Inputs[0].Id : null;
        var errors = new JsonObject();
        if (blockId is not null)
        {
            errors[blockId] = Cut(BlockKitBlocks.Label(failure.Text), SubmissionErrorText);
        }

        return new JsonObject { ["response_action"] = "errors", ["errors"] = errors };
    }

    private static void AddSections(BlockBudget budget, Reply reply)
    {
        foreach (var section in reply.Sections)
        {
            budget.AddRange(BlockKitBlocks.Section(section));
        }
    }

    /// <summary>The reply's buttons, numbered from 0; <paramref name="next"/> is the next free index.</summary>
    private static List<JsonObject?> Buttons(Reply reply, out int next)
    {
        var buttons = reply.Buttons.Select(BlockKitBlocks.Button).ToList();
        next = buttons.Count;
        return buttons;
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? trimmed : trimmed[..end];
    }
}
