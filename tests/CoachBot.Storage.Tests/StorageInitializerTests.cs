using System.Diagnostics;
using Azure.Data.Tables;
using CoachBot.Storage.Azurite;
using CoachBot.Testing;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Storage.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class StorageInitializerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly AzuriteFixture _azurite;

    public StorageInitializerTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task StartAsync_StorageReachable_CreatesTablesAndLogsReady()
    {
        var options = _azurite.CreateOptions();
        var logger = new RecordingLogger<StorageInitializer>();
        using var initializer = new StorageInitializer(new CoachBotTables(Options.Create(options)), TimeProvider.System, logger);

        await initializer.StartAsync(CancellationToken.None);
        var ready = await Eventually.HoldsAsync(() => logger.At(LogLevel.Information).Count > 0, Patience);
        await initializer.StopAsync(CancellationToken.None);

        Assert.True(ready, "no 'ready' line was logged");
        Assert.Empty(logger.At(LogLevel.Warning));
        Assert.Equal(StorageTableNames.All.Count, await CountTablesAsync(options.TablePrefix));
    }

    [Fact]

    [Trait("Category", "Slow")]
    public async Task StartAsync_StorageUnreachable_ReturnsAtOnceWarnsOnceAndCreatesTablesWhenItIsBack()
    {
        var options = _azurite.CreateOptions();
        var time = new FakeTimeProvider();
        var logger = new RecordingLogger<StorageInitializer>();
        using var initializer = new StorageInitializer(new CoachBotTables(Options.Create(options)), time, logger);
        try
        {
            await _azurite.StopAsync();
            var clock = Stopwatch.StartNew();

            await initializer.StartAsync(CancellationToken.None);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"start-up was held for {clock.Elapsed}");
            Assert.True(await Eventually.HoldsAsync(() => logger.At(LogLevel.Warning).Count > 0, Patience), "no warning was logged");

            // A second failed attempt, after the retry interval, must not warn again.
            Assert.True(
                await Eventually.HoldsAsync(() => logger.At(LogLevel.Debug).Count > 0, Patience, () => time.Advance(StorageInitializer.RetryInterval)),
                "no second attempt was made");
        }
        finally
        {
            await _azurite.StartAgainAsync();
        }

        var ready = await Eventually.HoldsAsync(
            () => logger.At(LogLevel.Information).Count > 0, Patience, () => time.Advance(StorageInitializer.RetryInterval));
        await initializer.StopAsync(CancellationToken.None);

        Assert.True(ready, "no 'ready' line was logged after Azurite came back");
        var warning = Assert.Single(logger.At(LogLevel.Warning)).Message;
        Assert.StartsWith($"Table Storage at http://127.0.0.1:{_azurite.Port}/devstoreaccount1 is unreachable: ", warning, StringComparison.Ordinal);
        Assert.EndsWith(". Retrying every 5 s; /readyz answers 503 until it is back.", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Records, r => r.Message.Contains(AzuriteProcess.AccountKey, StringComparison.Ordinal));
        Assert.Equal(StorageTableNames.All.Count, await CountTablesAsync(options.TablePrefix));
    }

    private async Task<int> CountTablesAsync(string prefix)
    {
        var count = 0;
        await foreach (var _ in new TableServiceClient(_azurite.ConnectionString).QueryAsync(
            TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            count++;
        }

        return count;
    }
}
