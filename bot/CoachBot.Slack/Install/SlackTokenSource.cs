using System.Collections.Concurrent;
using CoachBot.Core.Installations;
using CoachBot.Slack.Api;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Install;

/// <summary>
/// <see cref="ISlackTokenSource"/>: <see cref="SlackOptions.BotToken"/> when set (single workspace: every team gets it);
/// otherwise the team's stored installation, then its enterprise's (org-wide install), decrypted. Found tokens are
/// kept in memory for <see cref="SlackInstallOptions.TokenCacheLifetime"/>; "not installed" is not cached, so an install
/// on another replica is seen at once.
/// </summary>
public sealed class SlackTokenSource : ISlackTokenSource
{
    private readonly IOptions<SlackOptions> _slack;
    private readonly IInstallationStore _installations;
    private readonly SlackTokenProtector _protector;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cacheLifetime;
    private readonly ConcurrentDictionary<SlackTeam, CachedToken> _cache = new();

    public SlackTokenSource(
        IOptions<SlackOptions> slack,
        IOptions<SlackInstallOptions> install,
        IInstallationStore installations,
        SlackTokenProtector protector,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(install);
        _slack = slack;
        _installations = installations;
        _protector = protector;
        _time = time;
        _cacheLifetime = install.Value.TokenCacheLifetime;
    }

    /// <inheritdoc />
    public async Task<string?> GetBotTokenAsync(SlackTeam team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var options = _slack.Value;
        if (options.HasBotToken)
        {
            return options.BotToken;
        }

        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(team, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Token;
        }

        var token = await ReadAsync(team.TeamId, cancellationToken) ?? await ReadAsync(team.EnterpriseId, cancellationToken);
        if (token is null)
        {
            _cache.TryRemove(team, out _);
            return null;
        }

        if (_cacheLifetime > TimeSpan.Zero)
        {
            _cache[team] = new CachedToken(token, now + _cacheLifetime);
        }

        return token;
    }

    /// <summary>
    /// Forgets cached tokens of the team and of every team of its enterprise (an org-wide uninstall affects them all).
    /// </summary>
    public void Invalidate(SlackTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        foreach (var key in _cache.Keys)
        {
            if (SameNonEmpty(key.TeamId, team.TeamId) || SameNonEmpty(key.EnterpriseId, team.EnterpriseId)
                || SameNonEmpty(key.EnterpriseId, team.TeamId) || SameNonEmpty(key.TeamId, team.EnterpriseId))
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    private async Task<string?> ReadAsync(string? tenantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(tenantId))
        {
            return null;
        }

        var installation = await _installations.GetAsync(SlackTeam.Channel, tenantId, cancellationToken);
        return installation is null ? null : _protector.Unprotect(installation.BotToken, installation.TenantId);
    }

    private static bool SameNonEmpty(string? a, string? b) => !string.IsNullOrEmpty(a) && string.Equals(a, b, StringComparison.Ordinal);

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => $"CachedToken {{ ExpiresAt = {ExpiresAt} }}";
    }
}
