using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams;

/// <summary>
/// Proactive messages to Teams users: the reply is rendered as a message activity and posted to the user's stored
/// 1:1 conversation (for a team reflection member who never wrote to the bot, one created through their team's
/// channel: <see cref="TeamsPersonalChats.ThroughTeamChannelAsync"/>). A 403 (bot blocked or uninstalled) deletes the reference and stops the user's nudges.
/// </summary>
public sealed partial class TeamsChannelSender : IChannelSender
{
    /// <summary>The Bot Framework channel id of Teams.</summary>
    public const string ChannelName = "msteams";

    private readonly IConversationReferenceStore _references;
    private readonly IUserStore _users;
    private readonly ITeamsConnectorClient _connector;
    private readonly IAdaptiveCardRenderer _renderer;
    private readonly TeamsServiceUrlTrust _trust;
    private readonly TeamsPersonalChats _chats;
    private readonly ILogger<TeamsChannelSender> _logger;

    /// <summary>Creates the sender.</summary>
    public TeamsChannelSender(
        IConversationReferenceStore references,
        IUserStore users,
        ITeamsConnectorClient connector,
        IAdaptiveCardRenderer renderer,
        TeamsServiceUrlTrust trust,
        TeamsPersonalChats chats,
        ILogger<TeamsChannelSender> logger)
    {
        _references = references;
        _users = users;
        _connector = connector;
        _renderer = renderer;
        _trust = trust;
        _chats = chats;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Channel => ChannelName;

    /// <inheritdoc />
    public async Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(reply);
        var reference = await _references.GetAsync(user, cancellationToken).ConfigureAwait(false)
            ?? await _chats.ThroughTeamChannelAsync(user, cancellationToken).ConfigureAwait(false)
            ?? throw new TeamsConnectorException(404, "No conversation reference: the user must talk to the bot first.");
        if (!Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            throw new TeamsConnectorException(
                404, "The stored conversation reference has no valid serviceUrl: the user must talk to the bot again.");
        }

        // Stored references were saved from JWT-validated activities, but a row written before the host allowlist (or
        // by hand) may point anywhere: such a reference is never called, and is dropped so the next message renews it.
        if (!_trust.TrustStored(serviceUrl))
        {
            await _references.DeleteAsync(user, cancellationToken).ConfigureAwait(false);
            LogUntrustedReference(_logger, user.TenantId, user.UserId, _trust.DescribeRefusal(serviceUrl));
            throw new TeamsConnectorException(
                404, "The stored conversation reference points at a host that is not a Microsoft Teams service: the user must talk to the bot again.");
        }

        var activity = _renderer.RenderMessage(reply);
        try
        {
            await _connector.SendAsync(serviceUrl, reference.ConversationId, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (TeamsConnectorException ex) when (ex.StatusCode == 403)
        {
            await _references.DeleteAsync(user, cancellationToken).ConfigureAwait(false);
            await StopNudgesAsync(user, cancellationToken).ConfigureAwait(false);
            LogBlocked(_logger, user.TenantId, user.UserId);
            throw;
        }
    }

    private Task StopNudgesAsync(UserRef user, CancellationToken cancellationToken) =>
        _users.UpdateAsync(user, profile => profile.NudgesStopped ? null : profile with { NudgesStopped = true }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams user {TenantId}/{UserId}: stored conversation reference dropped, not called ({Reason})")]
    private static partial void LogUntrustedReference(ILogger logger, string tenantId, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams user {TenantId}/{UserId} blocked or removed the bot: conversation reference deleted, nudges stopped")]
    private static partial void LogBlocked(ILogger logger, string tenantId, string userId);
}
