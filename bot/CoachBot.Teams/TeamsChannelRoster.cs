using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Inbound;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams;

/// <summary>
/// A Teams channel's people (docs/decisions/0040-teams-channel-reflections.md): the roster of the channel's team (or
/// of a private or shared channel itself) through the Bot Connector's <c>pagedmembers</c>, page by page, at the
/// serviceUrl a validated activity from that channel brought. Each member becomes the same <see cref="UserRef"/> the
/// edge gives them when they write (<see cref="TeamsTurns.UserOf"/>), so their DMs and answers line up. Bots and
/// anonymous guests are left out; Teams lists no deactivated accounts.
/// </summary>
public sealed partial class TeamsChannelRoster : IChannelRoster
{
    /// <summary>Members per page (the connector's maximum is 500).</summary>
    public const int PageSize = 200;

    private readonly ITeamChannelAddressStore _addresses;
    private readonly ITeamsConnectorClient _connector;
    private readonly TeamsServiceUrlTrust _trust;
    private readonly ILogger<TeamsChannelRoster> _logger;

    public TeamsChannelRoster(ITeamChannelAddressStore addresses, ITeamsConnectorClient connector, TeamsServiceUrlTrust trust, ILogger<TeamsChannelRoster> logger)
    {
        _addresses = addresses;
        _connector = connector;
        _trust = trust;
        _logger = logger;
    }

    public string Channel => TeamsTurns.Channel;

    public async Task<IReadOnlyList<UserRef>?> ListPeopleAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);

        // Only a channel an authenticated activity came from has an address: a name typed in a command is no way in.
        if (await _addresses.GetAsync(channel, cancellationToken) is not { } address
            || !Uri.TryCreate(address.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            LogNotVisible(_logger, "no activity from that channel yet");
            return null;
        }

        if (!_trust.TrustStored(serviceUrl))
        {
            LogNotVisible(_logger, _trust.DescribeRefusal(serviceUrl));
            return null;
        }

        try
        {
            var (people, complete) = await RosterPages.ReadAsync(
                async (token, ct) =>
                {
                    var answer = await _connector.GetPagedMembersAsync(serviceUrl, address.RosterId, PageSize, token, ct);
                    return new RosterPage<UserRef>(
                        answer.Members.Where(m => !m.IsBot && !m.IsAnonymous).Select(m => new UserRef(TeamsTurns.Channel, channel.TenantId, m.Id)),
                        answer.ContinuationToken);
                },
                cancellationToken: cancellationToken);
            if (!complete)
            {
                LogTooMany(_logger, RosterPages.MaxPages * PageSize);
            }

            return [.. people.Distinct()];
        }
        catch (TeamsConnectorException e) when (e.StatusCode is 403 or 404)
        {
            // The bot was removed from the team, or the team or channel is gone: the same for every attempt until
            // someone adds CoachBot back.
            LogNotVisible(_logger, $"the connector answered {e.StatusCode}");
            return null;
        }
        catch (TeamsConnectorException e)
        {
            throw new ChannelRosterUnavailableException($"The Teams roster could not be read (HTTP {e.StatusCode}).", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A team reflection's Teams channel has more than {Limit} members; only the first {Limit} are invited")]
    private static partial void LogTooMany(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "CoachBot cannot see a team reflection's Teams channel ({Reason}); nobody is invited until it is added")]
    private static partial void LogNotVisible(ILogger logger, string reason);
}
