using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Privacy;
using CoachBot.Slack.Api;
using CoachBot.Slack.BlockKit;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Runs one Slack turn through the Core (with users.info hints) and posts the replies where they belong: the DM or
/// channel, ephemerally to one user, or to a response_url.
/// </summary>
public sealed class SlackConversation
{
    private readonly ConversationEngine _engine;
    private readonly SlackUserHints _hints;
    private readonly ISlackApiClient _api;
    private readonly IBlockKitRenderer _renderer;
    private readonly ContentLibrary _content;
    private readonly IUploadedFileStore _uploads;

    public SlackConversation(
        ConversationEngine engine, SlackUserHints hints, ISlackApiClient api, IBlockKitRenderer renderer, ContentLibrary content, IUploadedFileStore uploads)
    {
        _uploads = uploads;
        _engine = engine;
        _hints = hints;
        _api = api;
        _renderer = renderer;
        _content = content;
    }

    /// <summary>The Core's replies to what the user typed or pressed.</summary>
    public async Task<IReadOnlyList<Reply>> RunAsync(SlackTurn turn, CancellationToken cancellationToken) =>
        (await RunTurnAsync(turn, cancellationToken)).Replies;

    /// <summary><see cref="RunAsync"/>, also saying whether the turn only showed something (no App Home refresh needed).</summary>
    public async Task<TurnResult> RunTurnAsync(SlackTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var info = await _hints.GetAsync(turn.Team, turn.UserId, cancellationToken);
        var incoming = new IncomingTurn
        {
            User = turn.Team.User(turn.UserId),
            ConversationId = turn.ConversationId,
            TurnId = turn.TurnId,
            Text = turn.Action is null ? turn.Text ?? string.Empty : null,
            Action = turn.Action,
            Locale = info?.Locale,
            TimeZoneHint = info?.TimeZone,
            DisplayName = info?.Name,
            InChannel = turn.InChannel,

            // From the signed payload: export and forget me cover the person's other workspaces of the org with it.
            OrganizationId = turn.Team.EnterpriseId,
        };
        return await _engine.HandleTurnAsync(incoming, cancellationToken);
    }

    /// <summary>Runs the turn and posts its replies to <paramref name="destination"/>.</summary>
    public async Task<TurnResult> AnswerAsync(SlackTurn turn, SlackDestination destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var result = await RunTurnAsync(turn, cancellationToken);
        await PostAsync(turn.Team, destination, result.Replies, turn, cancellationToken);
        return result;
    }

    /// <summary>Renders one reply for a destination; forms become an opener button for <paramref name="turn"/>.</summary>
    public SlackMessage Render(SlackDestination destination, Reply reply, SlackTurn? turn)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var opener = turn is null ? null : SlackFormOpener.Encode(turn.Text, turn.Action);
        return _renderer.RenderMessage(destination.Channel, reply, opener);
    }

    /// <summary>Posts the replies in order; channel posts of a turn with an id are posted once (see <see cref="SlackMessage.PostKey"/>).</summary>
    public async Task PostAsync(SlackTeam team, SlackDestination destination, IReadOnlyList<Reply> replies, SlackTurn? turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(replies);
        for (var index = 0; index < replies.Count; index++)
        {
            var reply = replies[index];

            // A turn's n-th reply has a key of its own, so a retried turn re-posts only the replies that did not land.
            var message = Render(destination, reply, turn) with
            {
                ThreadTs = destination.ThreadTs,
                PostKey = turn?.TurnId is { } turnId ? $"{turnId}:{index}" : null,
                MayBePosted = turn?.Resumed ?? false,
            };
            if (destination.ResponseUrl is { } responseUrl)
            {
                await _api.RespondAsync(responseUrl, message with { ResponseType = "ephemeral" }, cancellationToken);
            }
            else if (destination.EphemeralUserId is { } userId)
            {
                await _api.Chat.PostEphemeralAsync(team, userId, message, cancellationToken);
            }
            else
            {
                await _api.Chat.PostMessageAsync(team, message, cancellationToken);
            }

            await ShareFilesAsync(team, destination, reply, turn, cancellationToken);
        }
    }

    /// <summary>Shares each file of the reply (see <see cref="UploadAsync"/>).</summary>
    public async Task ShareFilesAsync(SlackTeam team, SlackDestination destination, Reply reply, SlackTurn? turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        foreach (var file in reply.Attachments)
        {
            await UploadAsync(team, destination, file, turn, cancellationToken);
        }
    }

    /// <summary>
    /// Shares a reply's file: in the DM it was asked in, or in the user's DM when the answer was ephemeral or went to
    /// a response_url (a personal export never lands in a shared channel). A failed upload is said, not hidden.
    /// </summary>
    private async Task UploadAsync(SlackTeam team, SlackDestination destination, ReplyAttachment file, SlackTurn? turn, CancellationToken cancellationToken)
    {
        try
        {
            var channel = (destination.ResponseUrl is null && destination.EphemeralUserId is null) || turn is null
                ? destination.Channel
                : await _api.Conversations.OpenDirectAsync(team, turn.UserId, cancellationToken);
            var fileId = await _api.Files.UploadAsync(team, channel, file.FileName, file.Content, cancellationToken);

            // Remembered with the asker's rows so `forget me` can delete this copy from Slack as well.
            if (turn is not null)
            {
                await _uploads.AddAsync(team.User(turn.UserId), fileId, cancellationToken);
            }
        }
        catch (SlackApiException)
        {
            var sorry = Reply.Plain(_content.For(ContentLibrary.DefaultLanguage).Strings.Format("slack.attachment_unavailable", ("file", file.FileName)));
            await PostAsync(team, destination, [sorry], null, cancellationToken);
        }
    }

    /// <summary>A sentence of the Slack edge in the default language (used before the user's language is known).</summary>
    public string Say(string key) => _content.For(ContentLibrary.DefaultLanguage).Strings.Format(key);
}

/// <summary>One turn as Slack delivered it: exactly one of text and action.</summary>
public sealed record SlackTurn(SlackTeam Team, string UserId, string ConversationId, string? Text, TurnAction? Action, string? TurnId = null)
{
    /// <summary>True when an earlier attempt at this turn may have posted some of its replies (see <see cref="SlackEvent.Resumed"/>).</summary>
    public bool Resumed { get; init; }

    /// <summary>True for a mention or slash command in a channel or group DM (see <see cref="IncomingTurn.InChannel"/>).</summary>
    public bool InChannel { get; init; }
}

/// <summary>Where replies go: a channel (with an optional thread), ephemerally to one user, or a response_url.</summary>
public sealed record SlackDestination(string Channel, Uri? ResponseUrl = null, string? EphemeralUserId = null, string? ThreadTs = null);
