using System.Text.RegularExpressions;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;
using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Inbound;

/// <summary>Turns an activity into the Core's <see cref="IncomingTurn"/>: who, where, and what they typed or pressed.</summary>
public static partial class TeamsTurns
{
    /// <summary>The channel name in <see cref="UserRef"/>.</summary>
    public const string Channel = "msteams";

    /// <summary>The action the Core gets for a card value CoachBot did not make; it answers "unknown action".</summary>
    public const string UnknownAction = "teams.unknown";

    /// <summary>The tenant of the activity: conversation.tenantId, channelData.tenant.id, or "default" (emulators).</summary>
    public static string TenantOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.TenantId is { Length: > 0 } tenant
            ? tenant
            : activity.ChannelData?["tenant"]?["id"]?.GetValue<string>() is { Length: > 0 } fromData ? fromData : "default";
    }

    /// <summary>The user who sent the activity.</summary>
    public static UserRef UserOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new UserRef(Channel, TenantOf(activity), activity.From!.Id!);
    }

    /// <summary>A turn for typed text (the bot's mention removed) or for a card action.</summary>
    public static IncomingTurn Build(Activity activity, string? text, TurnAction? action)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new IncomingTurn
        {
            User = UserOf(activity),
            ConversationId = activity.Conversation?.Id,
            TurnId = activity.Id,
            Text = action is null ? WithoutBotMention(activity, text) : null,
            Action = action,
            Locale = activity.Locale,
            TimeZoneHint = activity.LocalTimezone,
            DisplayName = activity.From?.Name,

            // A bot's message cannot carry a file without the file consent flow: files go as download links.
            AcceptsFiles = false,

            // Teams sends channel and group-chat messages only when the bot is @mentioned; they are shared with others.
            InChannel = activity.Conversation?.ConversationType is { } type && type != "personal",
        };
    }

    /// <summary>
    /// The text without the bot's own mention (the mention entities whose <c>mentioned.id</c> is the recipient, or a
    /// leading <c>&lt;at&gt;…&lt;/at&gt;</c> when the client sent no entities); other people's mentions stay.
    /// </summary>
    public static string WithoutBotMention(Activity activity, string? text)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var result = text ?? string.Empty;
        var mentions = (activity.Entities ?? [])
            .Where(e => (string?)e["type"] == "mention" && (string?)e["mentioned"]?["id"] == activity.Recipient?.Id && e["text"] is not null)
            .Select(e => (string)e["text"]!)
            .ToList();
        result = mentions.Count > 0
            ? mentions.Aggregate(result, (current, mention) => current.Replace(mention, " ", StringComparison.Ordinal))
            : LeadingMention().Replace(result, " ");
        return Spaces().Replace(result, " ").Trim();
    }

    [GeneratedRegex("^\\s*<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingMention();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
