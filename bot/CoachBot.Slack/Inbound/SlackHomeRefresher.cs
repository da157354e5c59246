using System.Collections.Concurrent;
using CoachBot.Core.Home;
using CoachBot.Core.Storage;
using CoachBot.Slack.Api;
using CoachBot.Slack.BlockKit;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Publishes a user's App Home dashboard: at once when they open the tab, and shortly after anything they do, with
/// bursts of changes folded into one views.publish.
/// </summary>
public sealed class SlackHomeRefresher
{
    /// <summary>How long changes are gathered before the home is published again.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Team, string User), byte> _pending = new();
    private readonly HomeDashboard _dashboard;
    private readonly ISlackApiClient _api;
    private readonly IBlockKitRenderer _renderer;
    private readonly SlackAckBudget _background;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackHomeRefresher> _logger;

    public SlackHomeRefresher(
        HomeDashboard dashboard, ISlackApiClient api, IBlockKitRenderer renderer, SlackAckBudget background, TimeProvider time, ILogger<SlackHomeRefresher> logger)
    {
        _dashboard = dashboard;
        _api = api;
        _renderer = renderer;
        _background = background;
        _time = time;
        _logger = logger;
    }

    /// <summary>Builds and publishes the dashboard now.</summary>
    public async Task PublishAsync(SlackTeam team, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var reply = await _dashboard.BuildAsync(team.User(userId), cancellationToken);
        await _api.Views.PublishAsync(team, userId, _renderer.RenderHome(reply), cancellationToken);
    }

    /// <summary>Publishes the dashboard again soon; calls within <see cref="Debounce"/> share one publish.</summary>
    public void Schedule(SlackTeam team, string userId)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (!_pending.TryAdd((team.TenantId, userId), 0))
        {
            return;
        }

        _background.RunLater(async token =>
        {
            await Task.Delay(Debounce, _time, token);
            _pending.TryRemove((team.TenantId, userId), out _);
            try
            {
                await PublishAsync(team, userId, token);
            }
            catch (Exception ex) when (ex is SlackApiException or StoreUnavailableException)
            {
                _logger.LogWarning("Could not refresh the App Home of a user of team {Team}: {Reason}", team.TenantId, ex.Message);
            }
        });
    }
}
