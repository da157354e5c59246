namespace CoachBot.Slack;

/// <summary>
/// A workspace, optionally inside an Enterprise Grid org. Installations, tokens and rate limits are keyed by it; the
/// tenant of a Slack <see cref="Core.Users.UserRef"/> is <see cref="TenantId"/>.
/// </summary>
public sealed record SlackTeam(string TeamId, string? EnterpriseId = null)
{
    /// <summary>The channel name in <see cref="Core.Users.UserRef"/> and installations.</summary>
    public const string Channel = "slack";

    /// <summary>The tenant id: the team id, or the enterprise id for an org-wide install with no team.</summary>
    public string TenantId => string.IsNullOrEmpty(TeamId) ? EnterpriseId ?? string.Empty : TeamId;

    /// <summary>The Core's reference to a user of this workspace.</summary>
    public Core.Users.UserRef User(string userId) => new(Channel, TenantId, userId);
}
