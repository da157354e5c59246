using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Data.Tables;
using CoachBot.Core.Storage;
using CoachBot.Core.Telemetry;
using CoachBot.Core.Users;
using CoachBot.Storage.Azurite;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Users;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class CoachBotTablesTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;

    public CoachBotTablesTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task EnsureCreatedAsync_FreshPrefix_CreatesEveryTableWithPrefix()
    {
        var options = _azurite.CreateOptions();
        var tables = new CoachBotTables(Options.Create(options));

        await tables.EnsureCreatedAsync(None);

        Assert.Equal(
            StorageTableNames.All.Select(name => options.TablePrefix + name).Order(StringComparer.Ordinal),
            await ListTablesAsync(options.TablePrefix));
    }

    [Fact]
    public async Task EnsureCreatedAsync_TablesExist_Succeeds()
    {
        var tables = await _azurite.CreateTablesAsync();

        await tables.EnsureCreatedAsync(None);

        await tables.ProbeAsync(None);
    }

    [Fact]
    public void Endpoint_ExplicitConnectionString_IsTableEndpointWithoutKey()
    {
        var tables = new CoachBotTables(Options.Create(_azurite.CreateOptions()));

        Assert.Equal($"http://127.0.0.1:{_azurite.Port}/devstoreaccount1", tables.Endpoint.ToString().TrimEnd('/'));
        Assert.DoesNotContain(AzuriteProcess.AccountKey, tables.Endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_TableDeletedBehindItsBack_RecreatesTableAndSucceeds()
    {
        var options = _azurite.CreateOptions();
        var tables = new CoachBotTables(Options.Create(options));
        await tables.EnsureCreatedAsync(None);
        await new TableServiceClient(_azurite.ConnectionString).DeleteTableAsync(options.TablePrefix + StorageTableNames.Ledger);
        var ledger = new AzureTablesDeliveryLedger(tables, TimeProvider.System);

        Assert.True(await ledger.TryRecordAsync("key-1", None));
        Assert.False(await ledger.TryRecordAsync("key-1", None));
    }

    [Fact]

    [Trait("Category", "Slow")]
    public async Task StoreCall_AzuriteStopped_ThrowsStoreUnavailableWithinSecondsAndRecoversAfterRestart()
    {
        var tables = await _azurite.CreateTablesAsync();
        var store = new AzureTablesUserStore(tables);
        await store.SaveAsync(new UserProfile { User = TestUsers.New() }, None);
        try
        {
            await _azurite.StopAsync();
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync(TestUsers.New(), None));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.Contains("Users.get", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(AzuriteProcess.AccountKey, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await _azurite.StartAgainAsync();
        }

        // The restarted in-memory Azurite is empty: the Users table must come back by itself.
        var user = TestUsers.New();
        await store.SaveAsync(new UserProfile { User = user, DisplayName = "after restart" }, None);
        Assert.Equal("after restart", (await store.GetAsync(user, None))?.DisplayName);
    }

    [Fact]

    [Trait("Category", "Slow")]
    public async Task ProbeAsync_AzuriteStopped_ThrowsStoreUnavailable()
    {
        var tables = await _azurite.CreateTablesAsync();
        try
        {
            await _azurite.StopAsync();

            await Assert.ThrowsAsync<StoreUnavailableException>(() => tables.ProbeAsync(None));
        }
        finally
        {
            await _azurite.StartAgainAsync();
        }

        await tables.ProbeAsync(None);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_ThrowsOperationCanceledNotStoreUnavailable()
    {
        var tables = await _azurite.CreateTablesAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new AzureTablesUserStore(tables).GetAsync(TestUsers.New(), cancelled.Token));
    }

    [Fact]
    public async Task ExecuteAsync_Calls_RecordDurationAndSpanWithTableOperationAndOutcome()
    {
        var tables = await _azurite.CreateTablesAsync();
        var measurements = new List<(string? Table, string? Operation, string? Outcome)>();
        var spans = new List<string>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument == CoachBotTelemetry.StorageCallDuration)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var all = tags.ToArray();
            string? Tag(string name) => all.FirstOrDefault(t => t.Key == name).Value as string;
            lock (measurements)
            {
                measurements.Add((Tag("table"), Tag("operation"), Tag("outcome")));
            }
        });
        meterListener.Start();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CoachBotTelemetry.SourceName,
            Sample = (ref _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity.OperationName);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        var row = new TableEntity(Guid.NewGuid().ToString("N"), "telemetry-key");
        await tables.TryAddEntityAsync(StorageTableNames.Ledger, row, None);
        await tables.TryAddEntityAsync(StorageTableNames.Ledger, row, None);

        lock (measurements)
        {
            Assert.Contains((StorageTableNames.Ledger, "insert", "ok"), measurements);
            Assert.Contains((StorageTableNames.Ledger, "insert", "conflict"), measurements);
        }

        lock (spans)
        {
            Assert.Contains($"storage.{StorageTableNames.Ledger}.insert", spans);
        }
    }

    private async Task<List<string>> ListTablesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(_azurite.ConnectionString).QueryAsync(
            TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            names.Add(table.Name);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }
}
