using CoachBot.Core.Installations;
using CoachBot.Core.Privacy;
using CoachBot.Core.Users;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack;

/// <summary>
/// On Enterprise Grid one person has the same user id in every workspace of the org, and CoachBot keeps their rows per
/// workspace (<see cref="SlackTeam.TenantId"/>). This finds the same user id under the org's other installations, so
/// `export` and `forget me` cover every workspace (ADR 0019, "Enterprise Grid").
/// </summary>
/// <remarks>
/// The enterprise id comes from the signed payload, and the workspaces from the installation store, whose enterprise
/// ids came from Slack's own install answers. A turn is believed to be part of the enterprise only when the store
/// agrees: its workspace is installed under that enterprise, or the enterprise has an org-wide install and the
/// workspace has no install of its own that says otherwise. Anything else reaches no other workspace.
/// </remarks>
public sealed class SlackGridAccounts : IPersonAccounts
{
    private readonly IInstallationStore _installations;
    private readonly ILogger<SlackGridAccounts> _logger;

    public SlackGridAccounts(IInstallationStore installations, ILogger<SlackGridAccounts> logger)
    {
        _installations = installations;
        _logger = logger;
    }

    public async Task<IReadOnlyList<UserRef>> ListOthersAsync(UserRef user, string organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Channel != SlackTeam.Channel || string.IsNullOrEmpty(organizationId))
        {
            return [];
        }

        var installs = await _installations.ListByEnterpriseAsync(SlackTeam.Channel, organizationId, cancellationToken);
        if (!await BelongsAsync(user.TenantId, organizationId, installs, cancellationToken))
        {
            // Ids only: an enterprise and workspace id name no person. Worth a look: Slack signs what it sends.
            _logger.LogWarning(
                "A Slack turn from {TeamId} named enterprise {EnterpriseId}, which the installations do not confirm; export and forget me cover that workspace only",
                user.TenantId,
                organizationId);
            return [];
        }

        // The org-wide install's row (tenant = enterprise id) is an account too: turns with no team are keyed by it.
        return [.. installs
            .Select(i => new UserRef(SlackTeam.Channel, i.TenantId, user.UserId))
            .Where(other => other != user)
            .Distinct()];
    }

    private async Task<bool> BelongsAsync(string teamId, string enterpriseId, IReadOnlyList<Installation> installs, CancellationToken cancellationToken)
    {
        if (installs.Any(i => i.TenantId == teamId))
        {
            return true;
        }

        // Under an org-wide install the workspaces have no rows, so the signed payload is all there is (the token
        // lookup trusts it the same way). A workspace installed on its own under another enterprise, or none, refutes it.
        return installs.Any(i => i.TenantId == enterpriseId)
            && await _installations.GetAsync(SlackTeam.Channel, teamId, cancellationToken) is null;
    }
}
