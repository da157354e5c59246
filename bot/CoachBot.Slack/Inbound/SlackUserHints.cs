using System.Collections.Concurrent;
using CoachBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Time zone, locale and name from users.info, cached per user for an hour so a busy user costs one call an hour.
/// The Core only uses them until the user chooses their own, so a failed lookup just means no hint.
/// </summary>
public sealed class SlackUserHints
{
    private const int MaxEntries = 20_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(string Team, string User), (SlackUserInfo? Info, DateTimeOffset Until)> _cache = new();
    private readonly ISlackApiClient _api;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackUserHints> _logger;

    public SlackUserHints(ISlackApiClient api, TimeProvider time, ILogger<SlackUserHints> logger)
    {
        _api = api;
        _time = time;
        _logger = logger;
    }

    /// <summary>What Slack says about the user, or null when it could not be asked.</summary>
    public async Task<SlackUserInfo?> GetAsync(SlackTeam team, string userId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue((team.TenantId, userId), out var cached) && cached.Until > now)
        {
            return cached.Info;
        }

        SlackUserInfo? info = null;
        try
        {
            info = await _api.Users.InfoAsync(team, userId, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            _logger.LogWarning("users.info failed for a user of team {Team}: {Error}", team.TenantId, ex.Error);
        }

        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[(team.TenantId, userId)] = (info, now + (info is null ? TimeSpan.FromMinutes(1) : Lifetime));
        return info;
    }

    /// <summary>The cached answer while it is fresh, or null (nothing cached, expired, or the last lookup failed).</summary>
    public SlackUserInfo? Cached(SlackTeam team, string userId) =>
        _cache.TryGetValue((team.TenantId, userId), out var cached) && cached.Until > _time.GetUtcNow() ? cached.Info : null;

    /// <summary>Replaces the cached answer (user_change events carry the new values).</summary>
    public void Update(SlackTeam team, SlackUserInfo info) => _cache[(team.TenantId, info.Id)] = (info, _time.GetUtcNow() + Lifetime);
}
