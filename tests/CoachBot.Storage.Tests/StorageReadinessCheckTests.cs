using CoachBot.Storage.Azurite;
using CoachBot.Testing;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CoachBot.Storage.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class StorageReadinessCheckTests
{
    private readonly AzuriteFixture _azurite;

    public StorageReadinessCheckTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task CheckHealthAsync_AzuriteRunning_IsHealthyAndLogsNothing()
    {
        var logger = new RecordingLogger<StorageReadinessCheck>();
        var check = new StorageReadinessCheck(await _azurite.CreateTablesAsync(), TimeProvider.System, logger);

        var result = await Check(check);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Empty(logger.Records);
    }

    [Fact]

    [Trait("Category", "Slow")]
    public async Task CheckHealthAsync_AzuriteStoppedThenStartedOnSamePort_TurnsUnhealthyThenHealthyLoggingEachTransitionOnce()
    {
        var logger = new RecordingLogger<StorageReadinessCheck>();
        var check = new StorageReadinessCheck(await _azurite.CreateTablesAsync(), TimeProvider.System, logger);
        Assert.Equal(HealthStatus.Healthy, (await Check(check)).Status);
        HealthCheckResult down;
        try
        {
            await _azurite.StopAsync();

            down = await Check(check);
            Assert.Equal(HealthStatus.Unhealthy, (await Check(check)).Status);
        }
        finally
        {
            await _azurite.StartAgainAsync();
        }

        var up = await Check(check);
        await Check(check);

        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Equal("Table Storage is unreachable; the log says why.", down.Description);
        Assert.Equal(HealthStatus.Healthy, up.Status);
        var warning = Assert.Single(logger.At(LogLevel.Warning));
        Assert.Contains("unreachable", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{_azurite.Port}", warning.Message, StringComparison.Ordinal);
        Assert.Single(logger.At(LogLevel.Information));
        Assert.DoesNotContain(logger.Records, r => r.Message.Contains(AzuriteProcess.AccountKey, StringComparison.Ordinal));
    }

    private static Task<HealthCheckResult> Check(StorageReadinessCheck check) =>
        check.CheckHealthAsync(
            new HealthCheckContext { Registration = new HealthCheckRegistration("storage", check, null, ["ready"]) },
            CancellationToken.None);
}
