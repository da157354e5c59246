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
/// 1:1 conversation. A 403 (bot blocked or uninstalled) deletes the reference and stops the user's nudges.
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
    private readonly ILogger<TeamsChannelSender> _logger;

    /// <summary>Creates the sender.</summary>
    public TeamsChannelSender(
        IConversationReferenceStore references,
        IUserStore users,
        ITeamsConnectorClient connector,
        IAdaptiveCardRenderer renderer,
        TeamsServiceUrlTrust trust,
        ILogger<TeamsChannelSender> logger)
    {
        _references = references;
        _users = users;
        _connector = connector;
        _renderer = renderer;
        _trust = trust;
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
            ?? throw new TeamsConnectorException(404, "No conversation reference: the user must talk to the bot first.");
        if (!Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            throw new TeamsConnectorException(
                404, "The stored conversation reference has no valid serviceUrl: the user must talk to the bot again.");
        }

        // Stored references were saved from JWT-validated activities, so their serviceUrl is trusted.
        _trust.TrustStored(serviceUrl);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams user {TenantId}/{UserId} blocked or removed the bot: conversation reference deleted, nudges stopped")]
    private static partial void LogBlocked(ILogger logger, string tenantId, string userId);
}
