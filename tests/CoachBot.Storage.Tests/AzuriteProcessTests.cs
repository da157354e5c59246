using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using CoachBot.Storage.Azurite;
using CoachBot.Testing;

namespace CoachBot.Storage.Tests;

[Trait("Category", "Slow")]
[Collection(AzuriteFixture.CollectionName)]
public sealed class AzuriteProcessTests
{
    private readonly AzuriteFixture _azurite;

    public AzuriteProcessTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public void FindRepositoryRoot_FromTestOutput_FindsFolderWithPackageJsonAndAzurite()
    {
        var root = AzuriteProcess.FindRepositoryRoot();

        Assert.True(File.Exists(Path.Combine(root, "package.json")));
        Assert.True(Directory.Exists(Path.Combine(root, "node_modules", "azurite")));
        Assert.True(File.Exists(Path.Combine(root, "CoachBot.sln")));
    }

    [Fact]
    public void FindRepositoryRoot_FolderWithoutAzurite_ThrowsWithNpmCiHint()
    {
        var folder = Directory.CreateTempSubdirectory("coachbot-no-azurite-");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => AzuriteProcess.FindRepositoryRoot(folder.FullName));

            Assert.Equal("Azurite is not installed: run `npm ci` in the repository root.", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void PickFreePort_Always_ReturnsPortThatCanBeBound()
    {
        var port = AzuriteProcess.PickFreePort();

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
        Assert.InRange(port, 1, 65535);
    }

    [Fact]
    public async Task StartAsync_PortAlreadyInUse_ThrowsNamingThePort()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AzuriteProcess.StartAsync(new AzuriteStartOptions { Port = _azurite.Port }, CancellationToken.None));

        Assert.Contains($"Port {_azurite.Port} is already in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WithDataDirectory_KeepsDataAcrossRestartOnSamePort()
    {
        var folder = Directory.CreateTempSubdirectory("coachbot-azurite-data-");
        try
        {
            var options = new AzuriteStartOptions { DataDirectory = folder.FullName };
            int port;
            await using (var first = await AzuriteProcess.StartAsync(options, CancellationToken.None))
            {
                port = first.Port;
                var table = new TableClient(first.ConnectionString, "persisted");
                await table.CreateIfNotExistsAsync();
                await table.AddEntityAsync(new TableEntity("pk", "rk") { ["Value"] = "kept" });
            }

            await using var second = await AzuriteProcess.StartAsync(options with { Port = port }, CancellationToken.None);
            var row = await new TableClient(second.ConnectionString, "persisted").GetEntityAsync<TableEntity>("pk", "rk");

            Assert.Equal("kept", row.Value.GetString("Value"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StopAsync_RightAfterATerminalsCtrlC_KeepsTheLastWrite()
    {
        // Ctrl+C in a terminal interrupts the whole process group: Azurite gets SIGINT from the terminal, then the
        // host stops it too. A second signal during Azurite's save used to end it before the save.
        Assert.Equal("kept", await WriteStopAndReadBackAsync(azurite => PosixSignals.TryInterrupt(azurite.ProcessId)));
    }

    [Fact]
    public async Task StopAsync_RightAfterATerminateSignal_KeepsTheLastWrite()
    {
        // A service manager or container runtime may send SIGTERM to every process of the group, Azurite included.
        Assert.Equal("kept", await WriteStopAndReadBackAsync(azurite => PosixSignals.TryTerminate(azurite.ProcessId)));
    }

    /// <summary>Writes a row, signals Azurite as <paramref name="signal"/> does, stops it at once, and reads the row
    /// back from a fresh Azurite on the same folder (null when it is gone).</summary>
    private static async Task<string?> WriteStopAndReadBackAsync(Func<AzuriteProcess, bool> signal)
    {
        var folder = Directory.CreateTempSubdirectory("coachbot-azurite-stop-");
        try
        {
            var options = new AzuriteStartOptions { DataDirectory = folder.FullName };
            int port;
            await using (var first = await AzuriteProcess.StartAsync(options, CancellationToken.None))
            {
                port = first.Port;
                var table = new TableClient(first.ConnectionString, "stopped");
                await table.CreateIfNotExistsAsync();
                await table.AddEntityAsync(new TableEntity("pk", "rk") { ["Value"] = "kept" });
                Assert.True(signal(first), "the signal could not be sent");
                await first.StopAsync();
            }

            await using var second = await AzuriteProcess.StartAsync(options with { Port = port }, CancellationToken.None);
            var row = await new TableClient(second.ConnectionString, "stopped").GetEntityIfExistsAsync<TableEntity>("pk", "rk");
            return row.HasValue ? row.Value!.GetString("Value") : null;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StopAsync_Running_EndsProcessAndFreesPort()
    {
        var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(), CancellationToken.None);

        await azurite.StopAsync();

        Assert.True(azurite.HasExited);
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, azurite.Port));
        await azurite.DisposeAsync();
    }
}
