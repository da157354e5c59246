using CoachBot.Core.Installations;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Connector;

/// <summary>
/// A Teams user's personal (1:1) chat with CoachBot: the stored conversation reference, or one created through the
/// connector (POST v3/conversations) for someone who never wrote to the bot, and then stored. The serviceUrl used to
/// create it is always one a validated activity brought: the activity being answered, or the stored address of a team
/// channel the user is a recorded member of (docs/decisions/0040-teams-channel-reflections.md).
/// </summary>
public sealed partial class TeamsPersonalChats
{
    private readonly IConversationReferenceStore _references;
    private readonly IReflectionStore _reflections;
    private readonly ITeamChannelAddressStore _addresses;
    private readonly ITeamsConnectorClient _connector;
    private readonly TeamsServiceUrlTrust _trust;
    private readonly TimeProvider _time;
    private readonly ILogger<TeamsPersonalChats> _logger;

    public TeamsPersonalChats(
        IConversationReferenceStore references,
        IReflectionStore reflections,
        ITeamChannelAddressStore addresses,
        ITeamsConnectorClient connector,
        TeamsServiceUrlTrust trust,
        TimeProvider time,
        ILogger<TeamsPersonalChats> logger)
    {
        _references = references;
        _reflections = reflections;
        _addresses = addresses;
        _connector = connector;
        _trust = trust;
        _time = time;
        _logger = logger;
    }

    /// <summary>The user's personal chat, created at <paramref name="serviceUrl"/> when none is stored.</summary>
    /// <exception cref="TeamsConnectorException">The chat could not be created.</exception>
    public async Task<ConversationReference> EnsureAsync(UserRef user, Uri serviceUrl, string botId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (await _references.GetAsync(user, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        var id = await _connector.CreatePersonalConversationAsync(serviceUrl, user.TenantId, botId, user.UserId, cancellationToken).ConfigureAwait(false);
        var reference = new ConversationReference(user, id, serviceUrl.ToString(), botId, null, _time.GetUtcNow());
        await _references.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
        LogCreated(_logger, user.TenantId);
        return reference;
    }

    /// <summary>
    /// For a user with no stored reference: a personal chat created through a Teams channel whose reflection they
    /// are a member of; null when there is no such channel with a trusted stored address.
    /// </summary>
    /// <exception cref="TeamsConnectorException">The chat could not be created.</exception>
    public async Task<ConversationReference?> ThroughTeamChannelAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var channel in await _reflections.ListMembershipsAsync(user, cancellationToken).ConfigureAwait(false))
        {
            if (channel.Channel != user.Channel || channel.TenantId != user.TenantId
                || await _addresses.GetAsync(channel, cancellationToken).ConfigureAwait(false) is not { BotId: { Length: > 0 } botId } address
                || !Uri.TryCreate(address.ServiceUrl, UriKind.Absolute, out var serviceUrl)
                || !_trust.TrustStored(serviceUrl))
            {
                continue;
            }

            return await EnsureAsync(user, serviceUrl, botId, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams tenant {TenantId}: a personal chat was created for a member who had not written to CoachBot")]
    private static partial void LogCreated(ILogger logger, string tenantId);
}
