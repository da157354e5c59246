using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Slack.Api;

namespace CoachBot.Slack.BlockKit;

/// <summary>
/// Renders the Core's neutral <see cref="Reply"/> as Block Kit. User-supplied text is escaped (&amp;, &lt;, &gt;) and
/// every result stays within Block Kit's limits (blocks per surface, characters per text), cutting with an ellipsis
/// rather than failing.
/// </summary>
public interface IBlockKitRenderer
{
    /// <summary>
    /// A message for <paramref name="channel"/>: <see cref="Reply.Text"/> as the fallback text, sections, fields,
    /// images and buttons as blocks. A reply with a form gets a button (<see cref="SlackActionCodec.OpenFormAction"/>,
    /// value <paramref name="formOpener"/>) that opens the form in a modal, because messages cannot hold inputs well.
    /// </summary>
    SlackMessage RenderMessage(string channel, Reply reply, string? formOpener = null);

    /// <summary>
    /// A modal view for the reply's form: callback_id = the form's submit action id, each input a block whose
    /// block_id and action_id are the input id, <paramref name="privateMetadata"/> carried through.
    /// </summary>
    JsonObject RenderModal(Reply reply, string privateMetadata);

    /// <summary>The App Home tab (view type home) showing the dashboard reply.</summary>
    JsonObject RenderHome(Reply dashboard);

    /// <summary>
    /// The <c>response_action: errors</c> body for a failed form submission: the reply's text next to the input it
    /// is about (<see cref="Reply.ErrorInputId"/>), or next to the form's first input.
    /// </summary>
    JsonObject RenderSubmissionErrors(Reply failure, ReplyForm form);
}
