using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Slack.Api;
using CoachBot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack;

/// <summary>
/// A Slack channel's people (docs/decisions/0037-real-team-membership.md): conversations.members, page by page, then
/// each member through users.info (cached for an hour, kept fresh by user_change) to leave out bots, Slackbot and
/// deactivated accounts.
/// </summary>
public sealed partial class SlackChannelRoster : IChannelRoster
{
    /// <summary>Members asked for per conversations.members page (Slack's recommended maximum).</summary>
    public const int DefaultPageSize = 200;

    private const string SlackbotId = "USLACKBOT";

    private readonly ISlackApiClient _slack;
    private readonly SlackUserHints _hints;
    private readonly ILogger<SlackChannelRoster> _logger;
    private readonly int _pageSize;

    /// <param name="slack">The Web API client.</param>
    /// <param name="hints">The users.info cache the rest of the Slack edge shares.</param>
    /// <param name="logger">Where the roster says what it could not see.</param>
    /// <param name="pageSize">Members per page; tests use small pages to see paging without hundreds of users.</param>
    public SlackChannelRoster(ISlackApiClient slack, SlackUserHints hints, ILogger<SlackChannelRoster> logger, int pageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _slack = slack;
        _hints = hints;
        _logger = logger;
        _pageSize = pageSize;
    }

    public string Channel => SlackTeam.Channel;

    public async Task<IReadOnlyList<UserRef>?> ListPeopleAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var team = new SlackTeam(channel.TenantId);
        var ids = await MemberIdsAsync(team, channel.ConversationId, cancellationToken);
        if (ids is null)
        {
            return null;
        }

        var people = new List<UserRef>(ids.Count);
        foreach (var id in ids.Where(id => id != SlackbotId).Distinct(StringComparer.Ordinal))
        {
            if (await InfoAsync(team, id, cancellationToken) is { IsBot: false, Deleted: false })
            {
                people.Add(team.User(id));
            }
        }

        return people;
    }

    private async Task<IReadOnlyList<string>?> MemberIdsAsync(SlackTeam team, string channelId, CancellationToken cancellationToken)
    {
        try
        {
            var (ids, complete) = await RosterPages.ReadAsync(
                async (cursor, ct) =>
                {
                    var answer = await _slack.Conversations.MembersAsync(team, channelId, cursor, _pageSize, ct);
                    return new RosterPage<string>(answer.UserIds, answer.NextCursor);
                },
                cancellationToken: cancellationToken);
            if (!complete)
            {
                LogTooMany(_logger, RosterPages.MaxPages * _pageSize);
            }

            return ids;
        }
        catch (SlackApiException e) when (e.Error is "channel_not_found" or "not_in_channel" or "is_archived" or "method_not_supported_for_channel_type")
        {
            // Not a channel CoachBot can see (a private channel it is not in, a typed name instead of a channel, or a
            // DM): the same for every attempt until someone adds it.
            LogNotVisible(_logger, e.Error);
            return null;
        }
        catch (SlackApiException e)
        {
            if (e.Error == "missing_scope")
            {
                LogMissingScope(_logger);
            }

            throw new ChannelRosterUnavailableException($"conversations.members failed ({e.Error}).", e);
        }
    }

    /// <summary>users.info for one member; null when Slack no longer knows them (left out, like a deactivated one).</summary>
    private async Task<SlackUserInfo?> InfoAsync(SlackTeam team, string userId, CancellationToken cancellationToken)
    {
        if (_hints.Cached(team, userId) is { } cached)
        {
            return cached;
        }

        try
        {
            var info = await _slack.Users.InfoAsync(team, userId, cancellationToken);
            _hints.Update(team, info);
            return info;
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "user_not_visible" or "account_inactive")
        {
            return null;
        }
        catch (SlackApiException e)
        {
            throw new ChannelRosterUnavailableException($"users.info failed ({e.Error}).", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A team reflection's Slack channel has more than {Limit} members; only the first {Limit} are invited")]
    private static partial void LogTooMany(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack refused conversations.members with missing_scope: reinstall the app so the workspace grants channels:read and groups:read (bot/manifests/slack-app.yml); team reflections cannot open until then")]
    private static partial void LogMissingScope(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "CoachBot cannot see a team reflection's Slack channel ({Error}); nobody is invited until it is added")]
    private static partial void LogNotVisible(ILogger logger, string? error);
}
