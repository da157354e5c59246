using CoachBot.Core.Installations;
using CoachBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Install;

/// <summary>
/// Stores and removes Slack installations: one row per workspace, or per enterprise for an org-wide install, with the
/// bot token encrypted by <see cref="SlackTokenProtector"/>. The inbound handlers call <see cref="RemoveAsync(SlackTeam, DateTimeOffset?, CancellationToken)"/> on
/// <c>app_uninstalled</c> and <c>tokens_revoked</c>, which also start the grace period after which the workspace's
/// user data is deleted; a new install within it cancels that.
/// </summary>
public sealed class SlackInstallationService
{
    private readonly IInstallationStore _installations;
    private readonly UninstallMarks _uninstalls;
    private readonly SlackTokenProtector _protector;
    private readonly SlackTokenSource _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackInstallationService> _logger;

    public SlackInstallationService(
        IInstallationStore installations,
        UninstallMarks uninstalls,
        SlackTokenProtector protector,
        SlackTokenSource tokens,
        TimeProvider time,
        ILogger<SlackInstallationService> logger)
    {
        _installations = installations;
        _uninstalls = uninstalls;
        _protector = protector;
        _tokens = tokens;
        _time = time;
        _logger = logger;
    }

    /// <summary>Encrypts the bot token and stores (or replaces) the installation; returns what was stored.</summary>
    /// <exception cref="ArgumentException">The result names neither a team nor (for an org-wide install) an enterprise.</exception>
    public async Task<Installation> SaveAsync(SlackOAuthResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tenantId = result.IsEnterpriseInstall ? result.Team.EnterpriseId : result.Team.TeamId;
        if (string.IsNullOrEmpty(tenantId))
        {
            throw new ArgumentException(
                result.IsEnterpriseInstall
                    ? "The org-wide install has no enterprise id; start the install again."
                    : "The install has no team id; start the install again.",
                nameof(result));
        }

        var installation = new Installation(
            SlackTeam.Channel,
            tenantId,
            result.Team.EnterpriseId,
            result.BotUserId,
            _protector.Protect(result.BotToken, tenantId),
            [.. result.Scopes],
            _time.GetUtcNow());
        await _installations.SaveAsync(installation, cancellationToken);
        // Installed again within the grace period: the users' data stays (ADR 0021).
        await _uninstalls.ClearTenantAsync(SlackTeam.Channel, tenantId, cancellationToken);
        _tokens.Invalidate(result.Team);
        _logger.LogInformation(
            "Slack installation saved for {TenantId} ({Kind}, {ScopeCount} scopes).",
            tenantId,
            result.IsEnterpriseInstall ? "org-wide" : "workspace",
            installation.Scopes.Count);
        return installation;
    }

    /// <summary>
    /// Deletes the team's installation; when the team has none of its own and belongs to an enterprise (or the event
    /// names only an enterprise), deletes the enterprise's org-wide one. Returns whether a row was deleted.
    /// </summary>
    public Task<bool> RemoveAsync(SlackTeam team, CancellationToken cancellationToken) => RemoveAsync(team, null, cancellationToken);

    /// <summary>
    /// Like <see cref="RemoveAsync(SlackTeam, CancellationToken)"/> for an uninstall event Slack sent at
    /// <paramref name="sentAt"/> (its <c>event_time</c>, whole seconds). An event from before the current installation
    /// (a late retry, or one the inbox worker reached only after the workspace installed CoachBot again) removes
    /// nothing and marks nothing: the workspace that installed again keeps its token and its people's data.
    /// </summary>
    public async Task<bool> RemoveAsync(SlackTeam team, DateTimeOffset? sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (sentAt is { } at && await InstalledAfterAsync(team, at, cancellationToken) is { } current)
        {
            _logger.LogInformation(
                "Ignored a Slack uninstall event for {TenantId} sent at {SentAt:o}: it is older than the installation of {InstalledAt:o}.",
                team.TenantId,
                at,
                current.InstalledAt);
            return false;
        }

        var removed = await RemoveRowAsync(team.TeamId, cancellationToken)
            || await RemoveRowAsync(team.EnterpriseId, cancellationToken);
        _tokens.Invalidate(team);
        // Marked even when no row was left: Slack sends app_uninstalled and tokens_revoked, and the mark is first-wins.
        if (team.TenantId.Length > 0)
        {
            await _uninstalls.MarkAsync(new PendingUninstall(SlackTeam.Channel, team.TenantId, _time.GetUtcNow()), cancellationToken);
        }

        if (removed)
        {
            _logger.LogInformation("Slack installation removed for {TenantId}.", team.TenantId);
        }
        else
        {
            _logger.LogInformation("No Slack installation to remove for {TenantId}; nothing to do.", team.TenantId);
        }

        return removed;
    }

    /// <summary>
    /// The installation (the team's own, else its enterprise's) saved after an event sent at <paramref name="sentAt"/>,
    /// or null. Slack's <c>event_time</c> has whole seconds, so only an installation saved after that second ended counts.
    /// </summary>
    private async Task<Installation?> InstalledAfterAsync(SlackTeam team, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        foreach (var tenantId in new[] { team.TeamId, team.EnterpriseId })
        {
            if (!string.IsNullOrEmpty(tenantId)
                && await _installations.GetAsync(SlackTeam.Channel, tenantId, cancellationToken) is { } installation)
            {
                return installation.InstalledAt >= sentAt + TimeSpan.FromSeconds(1) ? installation : null;
            }
        }

        return null;
    }

    private async Task<bool> RemoveRowAsync(string? tenantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(tenantId)
            || await _installations.GetAsync(SlackTeam.Channel, tenantId, cancellationToken) is null)
        {
            return false;
        }

        await _installations.DeleteAsync(SlackTeam.Channel, tenantId, cancellationToken);
        return true;
    }
}
