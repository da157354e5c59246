using System.Net.Sockets;
using CoachBot.Storage;
using CoachBot.Storage.Azurite;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Local;

/// <summary>
/// In local mode, makes sure a Table Storage emulator answers: reuses an Azurite already listening on the configured
/// loopback port, or starts one from node_modules with its data under <see cref="LocalOptions.AzuriteDataPath"/>
/// and stops it with the host. Never used against a real storage account.
/// </summary>
public sealed class LocalAzuriteLauncher : IHostedService, IAsyncDisposable
{
    private readonly LocalOptions _local;
    private readonly StorageOptions _storage;
    private readonly ILogger<LocalAzuriteLauncher> _logger;
    private AzuriteProcess? _process;

    public LocalAzuriteLauncher(IOptions<LocalOptions> local, IOptions<StorageOptions> storage, ILogger<LocalAzuriteLauncher> logger)
    {
        _local = local.Value;
        _storage = storage.Value;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_local.AutostartAzurite || AzuriteEndpoint.TablePort(_storage.ConnectionString) is not { } port)
        {
            return;
        }

        if (await IsListeningAsync(port, cancellationToken))
        {
            _logger.LogInformation("Using the Table Storage emulator already listening on 127.0.0.1:{Port}", port);
            return;
        }

        try
        {
            _process = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Port = port, DataDirectory = _local.AzuriteDataPath }, cancellationToken);
            _logger.LogInformation("Started Azurite on 127.0.0.1:{Port} with its data in {DataPath}", port, _local.AzuriteDataPath);
        }
        catch (InvalidOperationException ex)
        {
            // Keep serving: /healthz stays up, /readyz explains, and the storage initializer keeps retrying.
            _logger.LogError("Could not start Azurite: {Reason}", ex.Message);
        }
    }

    /// <summary>
    /// Runs last of the hosted services (registered first), so everything that writes has stopped; waits for Azurite
    /// to save and exit (bounded by <see cref="AzuriteProcess.StopTimeout"/>), so nothing recorded is lost.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            await _process.StopAsync();
            _logger.LogInformation("Stopped Azurite");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
