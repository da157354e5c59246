using CoachBot.Core.Installations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Install;

/// <summary>
/// Runs while <c>Slack:PreviousTokenEncryptionKey</c> is set: every <see cref="SlackInstallOptions.KeyRotationInterval"/>,
/// the first time one interval after start, seals every installation's bot token that still opens only under the
/// previous key again under the current one, and logs how many are left, so an operator knows when the previous key
/// can go. Waiting an interval first lets a roll-out finish: a replica still on the old settings cannot open a token
/// sealed under the new key, so re-sealing while both run side by side would make workspaces look uninstalled there. Each row is replaced only if unchanged since it was read, so a reinstall on another replica
/// always wins; replicas doing the same work at once are harmless (the second finds nothing left to do).
/// </summary>
public sealed partial class SlackTokenKeyRotation : BackgroundService
{
    private readonly IInstallationStore _installations;
    private readonly SlackTokenProtector _protector;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<SlackTokenKeyRotation> _logger;

    public SlackTokenKeyRotation(
        IInstallationStore installations,
        SlackTokenProtector protector,
        IOptions<SlackInstallOptions> options,
        TimeProvider time,
        ILogger<SlackTokenKeyRotation> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _installations = installations;
        _protector = protector;
        _time = time;
        _interval = options.Value.KeyRotationInterval;
        _logger = logger;
    }

    /// <summary>
    /// One pass over the Slack installations: how many were sealed again, and how many are not yet under the current
    /// key: changed by someone else meanwhile (the next pass takes them), or opening under neither key (a wrong
    /// previous key; logged as an error, and the previous key is never reported removable while one is left).
    /// </summary>
    public async Task<(int Rewrapped, int Remaining)> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!_protector.HasPreviousKey)
        {
            return (0, 0);
        }

        var rewrapped = 0;
        var remaining = 0;
        var unreadable = 0;
        foreach (var installation in await _installations.ListAsync(SlackTeam.Channel, cancellationToken))
        {
            if (installation.BotToken is not { } stored)
            {
                continue;
            }

            if (_protector.Rewrap(stored, installation.TenantId) is not { } resealed)
            {
                // Nothing to re-seal: already current, or it opens under neither key (the protector logs which tenant).
                unreadable += _protector.Unprotect(stored, installation.TenantId) is null ? 1 : 0;
                continue;
            }

            if (await _installations.ReplaceBotTokenAsync(installation.Channel, installation.TenantId, stored, resealed, cancellationToken))
            {
                rewrapped++;
            }
            else
            {
                remaining++;
            }
        }

        // Cached tokens are plain text and stay right; nothing to forget. Logged with counts only, never a token.
        if (unreadable > 0)
        {
            LogUnreadable(_logger, unreadable);
        }
        else if (remaining == 0)
        {
            LogDone(_logger, rewrapped);
        }
        else
        {
            LogRemaining(_logger, rewrapped, remaining);
        }

        return (rewrapped, remaining + unreadable);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage down: the next tick tries again; tokens under the previous key keep opening meanwhile.
                LogFailed(_logger, ex);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack key rotation: {Rewrapped} installation tokens sealed under the new key; none is left under Slack:PreviousTokenEncryptionKey, which can now be removed.")]
    private static partial void LogDone(ILogger logger, int rewrapped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack key rotation: {Rewrapped} installation tokens sealed under the new key, {Remaining} changed meanwhile and are tried again next time; keep Slack:PreviousTokenEncryptionKey.")]
    private static partial void LogRemaining(ILogger logger, int rewrapped, int remaining);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack key rotation: {Unreadable} installation tokens open under neither Slack:TokenEncryptionKey nor Slack:PreviousTokenEncryptionKey, so those workspaces look uninstalled; check that the previous key is the exact key used before the rotation, and keep it.")]
    private static partial void LogUnreadable(ILogger logger, int unreadable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack key rotation: the pass failed and is tried again at the next interval; tokens under the previous key keep working meanwhile.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
