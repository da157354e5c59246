using CoachBot.Core.Users;

namespace CoachBot.Core.Conversation;

/// <summary>
/// One message or button press from any channel, already authenticated and parsed by its edge.
/// Exactly one of <see cref="Text"/> and <see cref="Action"/> is set.
/// </summary>
public sealed record IncomingTurn
{
    public required UserRef User { get; init; }

    /// <summary>The channel's conversation (DM, channel, chat) the turn came from.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The channel's id for this message (Slack event id, Teams activity id); used to record it once.</summary>
    public string? TurnId { get; init; }

    /// <summary>What the user typed, without any mention of the bot or the slash command.</summary>
    public string? Text { get; init; }

    /// <summary>A button press or form submission.</summary>
    public TurnAction? Action { get; init; }

    /// <summary>The channel's locale, e.g. ja-JP, used until the user chooses a language.</summary>
    public string? Locale { get; init; }

    /// <summary>The channel's time zone (Slack users.info tz, Teams localTimezone), used until the user chooses one.</summary>
    public string? TimeZoneHint { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>
    /// The organisation the channel authenticated the turn's workspace as part of (Slack Enterprise Grid: the signed
    /// payload's enterprise id); null outside one. Only an edge sets it, from what it verified, never from what the
    /// user typed. `export` and `forget me` use it to find the person's other accounts (<see cref="Privacy.IPersonAccounts"/>).
    /// </summary>
    public string? OrganizationId { get; init; }

    /// <summary>
    /// False when the channel cannot carry a file with a reply (Teams: a bot's message has no file upload without the
    /// consent flow). Handlers with a file then offer a download link (<see cref="Reply.Links"/>) instead of claiming
    /// an attachment that would never arrive.
    /// </summary>
    public bool AcceptsFiles { get; init; } = true;

    /// <summary>
    /// True when the turn was addressed to the bot in a shared conversation (a Slack channel mention, a Teams channel or
    /// group chat): the answer is for that command only, never a setup reminder or onboarding that others would see.
    /// </summary>
    public bool InChannel { get; init; }
}
