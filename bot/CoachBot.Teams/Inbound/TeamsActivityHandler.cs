using System.Text.Json.Nodes;
using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Storage;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Inbound;

/// <summary>
/// The turn handler of the Teams edge, after authentication: records the activity id once, keeps the user's
/// conversation reference fresh, runs the Core and answers through the connector (or, for Action.Execute, in the
/// HTTP response with an updated card).
/// </summary>
public sealed class TeamsActivityHandler
{
    private const string CardContentType = "application/vnd.microsoft.card.adaptive";

    private readonly ConversationEngine _engine;
    private readonly IAdaptiveCardRenderer _cards;
    private readonly TeamsReplyOutbox _outbox;
    private readonly IConversationReferenceStore _references;
    private readonly IDeliveryLedger _ledger;
    private readonly TimeProvider _time;
    private readonly UninstallMarks _uninstalls;
    private readonly TeamsReflectionTurns _reflectionTurns;
    private readonly TeamsPersonalChats _chats;
    private readonly ContentLibrary _content;
    private readonly ILogger<TeamsActivityHandler> _logger;

    public TeamsActivityHandler(
        ConversationEngine engine,
        IAdaptiveCardRenderer cards,
        TeamsReplyOutbox outbox,
        IConversationReferenceStore references,
        IDeliveryLedger ledger,
        TimeProvider time,
        UninstallMarks uninstalls,
        TeamsReflectionTurns reflectionTurns,
        TeamsPersonalChats chats,
        ContentLibrary content,
        ILogger<TeamsActivityHandler> logger)
    {
        _reflectionTurns = reflectionTurns;
        _chats = chats;
        _content = content;
        _uninstalls = uninstalls;
        _engine = engine;
        _cards = cards;
        _outbox = outbox;
        _references = references;
        _ledger = ledger;
        _time = time;
        _logger = logger;
    }

    /// <summary>Handles one validated activity; the result is the HTTP answer.</summary>
    public async Task<TeamsResponse> HandleAsync(Activity activity, Uri serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var user = TeamsTurns.UserOf(activity);
        if (activity.Id is { Length: > 0 } id && !await _ledger.TryRecordAsync(user, $"msteams:{id}", cancellationToken))
        {
            _logger.LogInformation("Teams sent activity again; already handled");
            return TeamsResponse.Ok;
        }

        if (IsUseByAPerson(activity))
        {
            // What a person does after an uninstall (adding the app again, a message, a press) means they still use
            // CoachBot: the grace period's deletion must not happen. Teams' own notices (the bot's removal from a
            // conversation, member changes) are not use, whatever order they arrive in.
            await NoteActivityAsync(user, cancellationToken);
        }

        switch (activity.Type)
        {
            case "message":
                await RememberAsync(activity, serviceUrl, cancellationToken);
                var action = activity.Value is null || !string.IsNullOrWhiteSpace(activity.Text) ? null : ReadAction(activity.Value);
                if (action is null)
                {
                    await AnswerTextAsync(activity, serviceUrl, cancellationToken);
                    return TeamsResponse.Ok;
                }

                await ReplyAsync(activity, serviceUrl, await RunAsync(activity, activity.Text, action, cancellationToken), cancellationToken);
                return TeamsResponse.Ok;
            case "invoke" when activity.Name == "adaptiveCard/action":
                await RememberAsync(activity, serviceUrl, cancellationToken);
                return await ExecuteAsync(activity, serviceUrl, cancellationToken);
            case "invoke":
                return TeamsResponse.Invoke(400, "application/vnd.microsoft.error", new JsonObject
                {
                    ["code"] = "NotSupported",
                    ["message"] = $"CoachBot does not handle the invoke '{activity.Name}'.",
                });
            case "installationUpdate" when activity.Action is "remove" or "remove-upgrade":
                await _references.DeleteAsync(user, cancellationToken);
                await MarkUninstallAsync(activity, user, cancellationToken);
                _logger.LogInformation("CoachBot was removed by a Teams user; their conversation reference is gone");
                return TeamsResponse.Ok;
            case "installationUpdate":
            case "conversationUpdate" when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
                await RememberAsync(activity, serviceUrl, cancellationToken);
                await GreetOnceAsync(activity, serviceUrl, cancellationToken);
                return TeamsResponse.Ok;
            default:
                return TeamsResponse.Ok;
        }
    }

    /// <summary>A message, a card press, adding the app, or adding the bot to a conversation: a person using CoachBot.</summary>
    private static bool IsUseByAPerson(Activity activity) => activity.Type switch
    {
        "message" or "invoke" => true,
        "installationUpdate" => activity.Action is "add" or "add-upgrade",
        "conversationUpdate" => activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true,
        _ => false,
    };

    private async Task NoteActivityAsync(CoachBot.Core.Users.UserRef user, CancellationToken cancellationToken)
    {
        try
        {
            await _uninstalls.NoteActivityAsync(user, sentAt: null, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            // The activity id is already recorded, so failing here would lose the turn; the next activity clears the mark.
            _logger.LogWarning(ex, "Storage unavailable: a Teams uninstall mark was not checked this time");
        }
    }

    /// <summary>
    /// Starts the grace period of docs/decisions/0021-uninstall-grace-period.md for the person who removed CoachBot
    /// from their personal scope, and for no one else. Removal from a team or a group chat marks no one: any member
    /// who may create a team could otherwise schedule the deletion of every quiet colleague's data, and people keep
    /// their own personal installs (an admin's tenant-wide uninstall removes each of those, marking each person).
    /// </summary>
    private async Task MarkUninstallAsync(Activity activity, CoachBot.Core.Users.UserRef user, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        switch (ScopeOf(activity))
        {
            case "personal":
                await _uninstalls.MarkAsync(PendingUninstall.ForUser(user, now), cancellationToken);
                _logger.LogInformation("CoachBot was removed from a personal scope; that user's data is deleted after the grace period unless they use it again");
                break;
        }
    }

    /// <summary>team (a channel, or channelData naming a team), groupChat, or personal (also when Teams gives no type).</summary>
    private static string ScopeOf(Activity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => "team",
        "groupChat" => "groupChat",
        _ when activity.ChannelData?["team"] is not null => "team",
        _ => "personal",
    };

    /// <summary>
    /// A typed message: team reflection commands from a channel get the channel's name for "here" and are answered in
    /// the sender's personal chat (docs/decisions/0040-teams-channel-reflections.md); everything else as before.
    /// </summary>
    private async Task AnswerTextAsync(Activity activity, Uri serviceUrl, CancellationToken cancellationToken)
    {
        var plan = await _reflectionTurns.PlanAsync(activity, serviceUrl, cancellationToken);
        if (plan.Refusal is { } refusal)
        {
            await ReplyAsync(activity, serviceUrl, [Say(activity, refusal, isError: true)], cancellationToken);
            return;
        }

        if (!plan.Private)
        {
            await ReplyAsync(activity, serviceUrl, await RunAsync(activity, plan.Text, null, cancellationToken), cancellationToken);
            return;
        }

        // The private chat first: when it cannot be opened, the command is not run at all (nothing half done).
        ConversationReference chat;
        try
        {
            chat = await _chats.EnsureAsync(TeamsTurns.UserOf(activity), serviceUrl, activity.Recipient?.Id ?? string.Empty, cancellationToken);
        }
        catch (Exception ex) when (ex is TeamsConnectorException or ArgumentException)
        {
            // Never the answer itself in the channel: only that it could not be given privately.
            _logger.LogWarning("A private chat for a Teams channel turn could not be opened ({Reason})", ex.Message);
            await ReplyAsync(activity, serviceUrl, [Say(activity, "teams.reflection.private_unreachable", isError: true)], cancellationToken);
            return;
        }

        var replies = await RunAsync(activity, plan.Text, null, cancellationToken);
        // The activity's own serviceUrl (validated just now) rather than the stored one, which may be older.
        foreach (var reply in replies)
        {
            await _outbox.SendOrKeepAsync(new TeamsPendingReply(serviceUrl.ToString(), chat.ConversationId, null, _cards.RenderMessage(reply)), cancellationToken);
        }

        await ReplyAsync(activity, serviceUrl, [Say(activity, "teams.reflection.answered_privately", isError: false)], cancellationToken);
    }

    /// <summary>A sentence of the Teams edge in the activity's language.</summary>
    private Reply Say(Activity activity, string key, bool isError)
    {
        var language = ContentLibrary.LanguageOf(activity.Locale);
        var text = _content.For(_content.Supports(language) ? language : ContentLibrary.DefaultLanguage).Strings.Format(key);
        return new Reply { Text = text, IsError = isError };
    }

    private async Task<TeamsResponse> ExecuteAsync(Activity activity, Uri serviceUrl, CancellationToken cancellationToken)
    {
        var replies = await RunAsync(activity, null, ReadAction(activity.Value), cancellationToken);
        await ReplyAsync(activity, serviceUrl, [.. replies.Skip(1)], cancellationToken);
        return TeamsResponse.Invoke(200, CardContentType, _cards.RenderCardForInvoke(replies[0]));
    }

    private TurnAction ReadAction(JsonNode? value) =>
        _cards.ReadAction(value) ?? new TurnAction(TeamsTurns.UnknownAction, new Dictionary<string, string>());

    private Task<IReadOnlyList<Reply>> RunAsync(Activity activity, string? text, TurnAction? action, CancellationToken cancellationToken) =>
        _engine.HandleAsync(TeamsTurns.Build(activity, text, action), cancellationToken);

    private async Task GreetOnceAsync(Activity activity, Uri serviceUrl, CancellationToken cancellationToken)
    {
        // Teams announces an install twice (installationUpdate and conversationUpdate): greet once per conversation.
        if (activity.Conversation?.Id is not { } conversation
            || !await _ledger.TryRecordAsync(TeamsTurns.UserOf(activity), $"msteams-greeted:{conversation}", cancellationToken))
        {
            return;
        }

        var replies = await RunAsync(activity, string.Empty, null, cancellationToken);
        foreach (var reply in replies)
        {
            await _outbox.SendOrKeepAsync(new TeamsPendingReply(serviceUrl.ToString(), conversation, null, _cards.RenderMessage(reply)), cancellationToken);
        }
    }

    private async Task ReplyAsync(Activity activity, Uri serviceUrl, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        // The turn is already recorded: a reply that cannot go out now is kept and retried, never failed with a 5xx.
        foreach (var reply in replies)
        {
            var pending = new TeamsPendingReply(serviceUrl.ToString(), activity.Conversation!.Id!, activity.Id, _cards.RenderMessage(reply));
            await _outbox.SendOrKeepAsync(pending, cancellationToken);
        }
    }

    /// <summary>Saves where to reach the user proactively: their personal (1:1) conversation only, never a channel.</summary>
    private Task RememberAsync(Activity activity, Uri serviceUrl, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.ConversationType is { } type && type != "personal")
        {
            return Task.CompletedTask;
        }

        var reference = new ConversationReference(
            TeamsTurns.UserOf(activity), activity.Conversation!.Id!, serviceUrl.ToString(), activity.Recipient?.Id, activity.Locale, _time.GetUtcNow());
        return _references.SaveAsync(reference, cancellationToken);
    }
}

/// <summary>The HTTP answer to an activity: 200, or an invoke response body.</summary>
public sealed record TeamsResponse(int StatusCode, JsonObject? Body = null)
{
    public static TeamsResponse Ok { get; } = new(200);

    /// <summary>An invoke response: HTTP 200 carrying the status, content type and value Teams shows.</summary>
    public static TeamsResponse Invoke(int statusCode, string type, JsonNode value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}
