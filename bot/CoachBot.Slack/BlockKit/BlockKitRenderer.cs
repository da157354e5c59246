using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Slack.Api;
using static CoachBot.Slack.BlockKit.BlockKitLimits;
using static CoachBot.Slack.BlockKit.BlockKitText;

namespace CoachBot.Slack.BlockKit;

/// <summary>
/// Renders replies as Block Kit. Core text is plain text: it is escaped wherever it goes into mrkdwn or the fallback
/// text, split into several sections when long, and cut with an ellipsis when over a limit. When a surface would hold
/// too many blocks (or, for messages, too much text), inputs and buttons are kept and the content before them is cut,
/// a context block with an ellipsis marking the cut.
/// </summary>
public sealed class BlockKitRenderer : IBlockKitRenderer
{
    /// <summary>
    /// <see cref="RenderHome"/> is given no opener value, so a dashboard's form becomes an
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
        var buttons = Buttons(reply, out var index);
        var tail = new List<JsonObject>();
        if (reply.Form is { } form)
        {
            if (formOpener is not null)
            {
                buttons.Add(BlockKitBlocks.Button(form.Title, SlackActionCodec.EncodeActionId(SlackActionCodec.OpenFormAction, index), formOpener, ButtonStyle.Primary));
            }
            else
            {
                tail.AddRange(form.Inputs.Select(BlockKitInputs.Input));
                buttons.Add(BlockKitBlocks.Button(form.SubmitLabel, SlackActionCodec.EncodeActionId(form.SubmitActionId, index),
                    SlackActionCodec.EncodeValue(new Dictionary<string, string>()), ButtonStyle.Primary));
            }
        }

        tail.AddRange(BlockKitBlocks.Actions(buttons.OfType<JsonObject>()));
        var blocks = Compose(MessageBlocks, MessageBlocksTextBudget, Content(reply), tail);
        return new SlackMessage(channel, Cut(Escape(reply.Text), MessageText), blocks);
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
            view["title"] = Plain(BlockKitBlocks.Label(form.Title), ViewTitle);
            view["submit"] = Plain(BlockKitBlocks.Label(form.SubmitLabel), ViewSubmit);
            view["callback_id"] = form.SubmitActionId;
            view["private_metadata"] = privateMetadata;
            view["blocks"] = Compose(ViewBlocks, int.MaxValue, Content(reply), [.. form.Inputs.Select(BlockKitInputs.Input)]);
            return view;
        }

        // A modal without a form shows the reply (e.g. the outcome of a submission) with its buttons.
        var title = reply.Sections.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.Title))?.Title ?? FirstLine(reply.Text);
        view["title"] = Plain(BlockKitBlocks.Label(title), ViewTitle);
        view["private_metadata"] = privateMetadata;
        view["blocks"] = Compose(ViewBlocks, int.MaxValue, Content(reply), [.. BlockKitBlocks.Actions(Buttons(reply, out _).OfType<JsonObject>())]);
        return view;
    }

    /// <inheritdoc />
    public JsonObject RenderHome(Reply dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var buttons = Buttons(dashboard, out var index);
        if (dashboard.Form is { } form)
        {
            var value = SlackActionCodec.EncodeValue(new Dictionary<string, string> { [HomeFormValueKey] = form.SubmitActionId });
            buttons.Add(BlockKitBlocks.Button(form.Title, SlackActionCodec.EncodeActionId(SlackActionCodec.OpenFormAction, index), value, ButtonStyle.Primary));
        }

        var blocks = Compose(ViewBlocks, int.MaxValue, Content(dashboard), [.. BlockKitBlocks.Actions(buttons.OfType<JsonObject>())]);
        return new JsonObject { ["type"] = HomeSurface, ["blocks"] = blocks };
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

    /// <summary>
    /// The sections' blocks, or the reply's text when it has no sections: the Core's text is the complete plain version
    /// of the sections (the fallback), so showing both would say everything twice.
    /// </summary>
    private static IEnumerable<JsonObject> Content(Reply reply) =>
        reply.Sections.Count == 0 ? BlockKitBlocks.TextSections(reply.Text) : reply.Sections.SelectMany(BlockKitBlocks.Section);

    /// <summary>
    /// <paramref name="content"/> as far as it fits, then <paramref name="tail"/> (inputs and buttons, which are what
    /// the person acts on) in full: the tail's blocks and text are reserved first, so long content is what gets cut.
    /// </summary>
    private static JsonArray Compose(int maxBlocks, int maxTextChars, IEnumerable<JsonObject> content, List<JsonObject> tail)
    {
        // At least two places stay for content: one block and the cut marker.
        var kept = tail.Take(maxBlocks - 2).ToList();
        var tailText = kept.Sum(BlockBudget.TextLength);
        var budget = new BlockBudget(maxBlocks - kept.Count, Math.Max(0, maxTextChars - tailText));
        budget.AddRange(content);
        var blocks = budget.Finish();
        foreach (var block in kept)
        {
            blocks.Add(block);
        }

        return blocks;
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
