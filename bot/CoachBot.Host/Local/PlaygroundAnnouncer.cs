using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoachBot.Host.Local;

/// <summary>Prints the playground URL once the server listens, so the newcomer knows where to click.</summary>
public sealed class PlaygroundAnnouncer : IHostedService
{
    private readonly IServer _server;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<PlaygroundAnnouncer> _logger;

    public PlaygroundAnnouncer(IServer server, IHostApplicationLifetime lifetime, ILogger<PlaygroundAnnouncer> logger)
    {
        _server = server;
        _lifetime = lifetime;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = _server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                _logger.LogInformation("CoachBot is running in local mode. Playground: {PlaygroundUrl}/", address.TrimEnd('/'));
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
