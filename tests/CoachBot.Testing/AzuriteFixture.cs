using CoachBot.Storage;
using CoachBot.Storage.Azurite;
using Microsoft.Extensions.Options;

namespace CoachBot.Testing;

/// <summary>
/// One in-memory Azurite per test assembly, on a free port. Use it as a collection fixture: a test assembly declares
/// <c>[CollectionDefinition(AzuriteFixture.CollectionName)] class AzuriteTestGroup : ICollectionFixture&lt;AzuriteFixture&gt;</c>
/// (xunit only honours collection definitions in the test assembly itself) and marks classes
/// <c>[Collection(AzuriteFixture.CollectionName)]</c>. Tests keep apart through <see cref="NewTablePrefix"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string CollectionName = "azurite";

    private AzuriteProcess? _azurite;

    /// <summary>The port, which stays the same across <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>Connection string of this instance; still valid (pointing at a dead port) while stopped.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{Port}/{AzuriteProcess.AccountName};";

    /// <summary>A table prefix no other test uses, e.g. <c>t3f9a0c1b2d4e</c>.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(), CancellationToken.None);
        Port = _azurite.Port;
    }

    /// <summary>Kills Azurite (in memory: all tables are lost), keeping the port for <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }

    /// <summary>Starts a fresh, empty Azurite on the same port. Does nothing if it is running.</summary>
    public async Task StartAgainAsync()
    {
        if (_azurite is { HasExited: false })
        {
            return;
        }

        _azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Port = Port }, CancellationToken.None);
    }

    /// <summary>Options for this Azurite with a fresh table prefix (or the given one).</summary>
    public StorageOptions CreateOptions(string? tablePrefix = null) =>
        new() { ConnectionString = ConnectionString, TablePrefix = tablePrefix ?? NewTablePrefix() };

    /// <summary>A table layer over fresh tables of its own, already created.</summary>
    public async Task<CoachBotTables> CreateTablesAsync()
    {
        var tables = new CoachBotTables(Options.Create(CreateOptions()));
        await tables.EnsureCreatedAsync(CancellationToken.None);
        return tables;
    }

    public async Task DisposeAsync() => await StopAsync();
}
