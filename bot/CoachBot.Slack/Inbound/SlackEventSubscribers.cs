using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachBot.Core.Reflections;
using CoachBot.Core.Settings;
using CoachBot.Core.Users;
using CoachBot.Slack.Api;
using CoachBot.Slack.Install;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Inbound;

/// <summary><c>message</c> in a DM with the bot: the text goes to the Core. Bot messages, edits and other subtypes are ignored.</summary>
public sealed class SlackDirectMessageSubscriber : ISlackEventSubscriber
{
    private readonly SlackConversation _conversation;
    private readonly SlackHomeRefresher _home;

    public SlackDirectMessageSubscriber(SlackConversation conversation, SlackHomeRefresher home)
    {
        _conversation = conversation;
        _home = home;
    }

    public string EventType => "message";

    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        if (slackEvent.Field("channel_type") != "im" || slackEvent.Field("bot_id") is not null || slackEvent.Field("subtype") is not null
            || slackEvent.Field("user") is not { } user || slackEvent.Field("channel") is not { } channel)
        {
            return;
        }

        var turn = new SlackTurn(slackEvent.Team, user, channel, SlackText.Plain(slackEvent.Field("text")), null, slackEvent.EventId)
        {
            Resumed = slackEvent.Resumed,
        };
        var result = await _conversation.AnswerAsync(turn, new SlackDestination(channel), cancellationToken);
        if (!result.ChangedNothing)
        {
            _home.Schedule(slackEvent.Team, user);
        }
    }
}

/// <summary>
/// <c>app_mention</c> in a channel: the text after the mention goes to the Core, and the answer is shown only to the
/// person who asked (ephemeral, in the thread when there is one), so personal progress never lands in a channel.
/// Posting in a channel also makes the person a member of that channel's team reflections.
/// </summary>
public sealed class SlackMentionSubscriber : ISlackEventSubscriber
{
    private readonly SlackConversation _conversation;
    private readonly TeamReflectionService _reflections;

    public SlackMentionSubscriber(SlackConversation conversation, TeamReflectionService reflections)
    {
        _conversation = conversation;
        _reflections = reflections;
    }

    public string EventType => "app_mention";

    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        if (slackEvent.Field("bot_id") is not null || slackEvent.Field("user") is not { } user || slackEvent.Field("channel") is not { } channel)
        {
            return;
        }

        var team = slackEvent.Team;
        await _reflections.RecordMemberAsync(TeamChannel.For(team.User(user), channel), team.User(user), cancellationToken);
        var turn = new SlackTurn(team, user, channel, SlackText.WithoutMentions(slackEvent.Field("text")), null, slackEvent.EventId)
        {
            Resumed = slackEvent.Resumed,
            InChannel = true,
        };
        await _conversation.AnswerAsync(turn, new SlackDestination(channel, EphemeralUserId: user, ThreadTs: slackEvent.Field("thread_ts")), cancellationToken);
    }
}

/// <summary><c>app_home_opened</c> on the Home tab: publish the user's dashboard.</summary>
public sealed class SlackHomeOpenedSubscriber : ISlackEventSubscriber
{
    private readonly SlackHomeRefresher _home;

    public SlackHomeOpenedSubscriber(SlackHomeRefresher home) => _home = home;

    public string EventType => "app_home_opened";

    public Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        return slackEvent.Field("tab") is "home" or null && slackEvent.Field("user") is { } user
            ? _home.PublishAsync(slackEvent.Team, user, cancellationToken)
            : Task.CompletedTask;
    }
}

/// <summary><c>app_uninstalled</c>: forget the workspace's installation, so nothing is sent there any more.</summary>
public sealed class SlackUninstalledSubscriber : ISlackEventSubscriber
{
    private readonly SlackInstallationService _installations;
    private readonly ILogger<SlackUninstalledSubscriber> _logger;

    public SlackUninstalledSubscriber(SlackInstallationService installations, ILogger<SlackUninstalledSubscriber> logger)
    {
        _installations = installations;
        _logger = logger;
    }

    public string EventType => "app_uninstalled";

    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        _logger.LogInformation("CoachBot was uninstalled from Slack team {Team}; removing its installation", slackEvent.Team.TenantId);
        await _installations.RemoveAsync(slackEvent.Team, slackEvent.SentAt, cancellationToken);
    }
}

/// <summary><c>tokens_revoked</c>: when the bot token is among them, the installation goes as on uninstall.</summary>
public sealed class SlackTokensRevokedSubscriber : ISlackEventSubscriber
{
    private readonly SlackInstallationService _installations;
    private readonly ILogger<SlackTokensRevokedSubscriber> _logger;

    public SlackTokensRevokedSubscriber(SlackInstallationService installations, ILogger<SlackTokensRevokedSubscriber> logger)
    {
        _installations = installations;
        _logger = logger;
    }

    public string EventType => "tokens_revoked";

    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        if (SlackPayload.Child(slackEvent.Body, "tokens")?["bot"] is JsonArray { Count: > 0 })
        {
            _logger.LogInformation("The bot token of Slack team {Team} was revoked; removing its installation", slackEvent.Team.TenantId);
            await _installations.RemoveAsync(slackEvent.Team, slackEvent.SentAt, cancellationToken);
        }
    }
}

/// <summary>
/// <c>user_change</c>: a new time zone in Slack becomes the user's zone, unless they chose one themselves in
/// settings (their choice wins).
/// </summary>
public sealed class SlackUserChangeSubscriber : ISlackEventSubscriber
{
    private readonly IUserStore _users;
    private readonly SlackUserHints _hints;

    public SlackUserChangeSubscriber(IUserStore users, SlackUserHints hints)
    {
        _users = users;
        _hints = hints;
    }

    public string EventType => "user_change";

    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        var user = SlackPayload.Child(slackEvent.Body, "user");
        if (SlackPayload.Text(user, "id") is not { } userId)
        {
            return;
        }

        var tz = SlackPayload.Text(user, "tz");
        // The event carries the whole user object: a deactivation (deleted) must reach the cache too, or a team
        // reflection could keep inviting someone who is gone for up to an hour.
        _hints.Update(
            slackEvent.Team,
            new SlackUserInfo(userId, SlackPayload.Text(user, "name"), tz, SlackPayload.Text(user, "locale"), SlackAnswer.Bool(user, "is_bot"), SlackAnswer.Bool(user, "deleted")));
        if (SettingsParser.TimeZone(tz) is not { } zone)
        {
            return;
        }

        await _users.UpdateAsync(
            slackEvent.Team.User(userId),
            profile => profile.TimeZoneChosen || profile.TimeZoneId == zone ? null : profile with { TimeZoneId = zone },
            cancellationToken);
    }
}

/// <summary>
/// Slack's message text as the Core expects it: user and channel references (<c>&lt;@U123|bob&gt;</c>,
/// <c>&lt;#C123|team&gt;</c>) become <c>@U123</c> and <c>#C123</c>, and Slack's escapes are undone.
/// </summary>
public static partial class SlackText
{
    /// <summary>The text without the mention of the bot that starts it (an app_mention's address), others kept.</summary>
    public static string WithoutMentions(string? text) => Plain(LeadingMention().Replace(text ?? string.Empty, string.Empty));

    /// <summary>References turned into @user / #channel, &amp;amp; &amp;lt; &amp;gt; turned back into characters, trimmed.</summary>
    public static string Plain(string? text)
    {
        var references = ChannelReference().Replace(UserReference().Replace(text ?? string.Empty, "@$1"), "#$1");
        return references.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>")]
    private static partial Regex LeadingMention();

    [GeneratedRegex("<@([A-Z0-9]+)(\\|[^>]*)?>")]
    private static partial Regex UserReference();

    [GeneratedRegex("<#([A-Z0-9]+)(\\|[^>]*)?>")]
    private static partial Regex ChannelReference();
}
