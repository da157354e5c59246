using CoachBot.Content.Loading;
using CoachBot.Testing;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class StartupTests
{
    private readonly AzuriteFixture _azurite;

    public StartupTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public void BrokenContent_StopsStartup_NamingFileLineAndField()
    {
        var root = Path.Combine(Path.GetTempPath(), "coachbot-broken-" + Guid.NewGuid().ToString("N"));
        try
        {
            var shipped = Path.Combine(AppContext.BaseDirectory, "content");
            foreach (var file in Directory.EnumerateFiles(shipped, "*.yaml", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, Path.GetRelativePath(shipped, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var skills = Path.Combine(root, "ja", "skills.yaml");
            var lines = File.ReadAllLines(skills).ToList();
            var summary = lines.FindIndex(l => l.TrimStart().StartsWith("summary:", StringComparison.Ordinal));
            lines.RemoveAt(summary);
            File.WriteAllLines(skills, lines);
            using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?> { ["Content:Path"] = root }, overHttp: false);

            var ex = Assert.Throws<ContentValidationException>(() => app.CreateClient());

            Assert.Contains("ja/skills.yaml:", ex.Message, StringComparison.Ordinal);
            Assert.Contains("missing required field 'summary'", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("Storage:TablePrefix", "bad-prefix!", "Storage:TablePrefix")]
    [InlineData("Coaching:DefaultTimeZone", "Mars/Olympus", "Coaching:DefaultTimeZone")]
    [InlineData("Coaching:DefaultNudgeTime", "teatime", "Coaching:DefaultNudgeTime")]
    [InlineData("Exports:LinkLifetimeMinutes", "0", "Exports:LinkLifetimeMinutes")]
    [InlineData("Charts:RendersPerUserPerMinute", "0", "Charts:RendersPerUserPerMinute")]
    [InlineData("Telemetry:OtlpProtocol", "udp", "Telemetry:OtlpProtocol")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint")]
    [InlineData("Scheduler:ReadinessGrace", "00:00:00", "Scheduler:ReadinessGrace")]
    [InlineData("Slack:SocketMode:MaxDisconnected", "00:00:00", "MaxDisconnected")]
    public void InvalidSetting_StopsStartup_NamingTheSetting(string key, string value, string named)
    {
        using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?> { [key] = value }, overHttp: false);

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }
}
