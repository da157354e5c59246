using System.Reflection;
using System.Text.RegularExpressions;
using CoachBot.Core.Telemetry;
using CoachBot.Slack.SocketMode;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

/// <summary>
/// docs/operations.md is what an operator acts on, so it must stay true: every metric the code defines and every
/// health check the host registers is explained there, and every setting it names is one the host binds.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class OperationsDocTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(SecurityDocTests.RepositoryRoot(), "docs", "operations.md"));

    private readonly AzuriteFixture _azurite;

    public OperationsDocTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public void EveryMetricTheCodeDefines_IsExplained()
    {
        var missing = CoachBotMetricNames.All.Where(name => !Page.Contains($"`{name}`", StringComparison.Ordinal)).ToList();

        Assert.True(CoachBotMetricNames.All.Count >= 12, "the metric list lost its names");
        Assert.True(missing.Count == 0, "docs/operations.md does not explain: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryConstantInTheMetricNames_IsOnTheList()
    {
        var constants = typeof(CoachBotMetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(constants.Order(StringComparer.Ordinal), CoachBotMetricNames.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryHealthCheckTheHostRegisters_IsExplained()
    {
        await using var app = new CoachBotApp(_azurite, overHttp: false);
        var registered = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name)
            .Append(SocketModeReadinessCheck.Name)
            .ToList();

        var missing = registered.Where(name => !Page.Contains($"`{name}`", StringComparison.Ordinal)).ToList();

        Assert.Contains("scheduler", registered);
        Assert.Contains("storage", registered);
        Assert.True(missing.Count == 0, "docs/operations.md does not explain the health checks: " + string.Join(", ", missing));
    }

    [Fact]
    public void EverySettingThePageNames_IsOneTheHostBinds()
    {
        var named = Setting().Matches(Page).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
        var sections = OptionsSections();

        var unknown = named.Where(n => !Binds(sections, n)).ToList();

        Assert.Contains("Scheduler:ReadinessGrace", named);
        Assert.Contains("Slack:SocketMode:MaxDisconnected", named);
        Assert.True(unknown.Count == 0, "docs/operations.md names settings the host does not read: " + string.Join(", ", unknown));
    }

    /// <summary>Whether the longest section prefix of <paramref name="setting"/> has a public property named by the next level.</summary>
    private static bool Binds(ILookup<string, Type> sections, string setting)
    {
        var parts = setting.Split(':');
        for (var length = parts.Length - 1; length >= 1; length--)
        {
            var section = string.Join(':', parts[..length]);
            if (sections[section].Any(t => t.GetProperty(parts[length], BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true }))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every CoachBot options type by its section (types with a <c>SectionName</c> constant, plus the Slack install options sharing <c>Slack</c>).</summary>
    private static ILookup<string, Type> OptionsSections()
    {
        var assemblies = new[] { typeof(Program).Assembly }
            .Concat(typeof(Program).Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("CoachBot.", StringComparison.Ordinal)).Select(Assembly.Load))
            .Append(typeof(CoachBot.Scheduler.SchedulerOptions).Assembly)
            .Distinct();
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true })
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type))
            .Append((CoachBot.Slack.SlackOptions.SectionName, typeof(CoachBot.Slack.Install.SlackInstallOptions)));
        return types.ToLookup(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
    }

    /// <summary>A setting in backticks: <c>`Section:Key`</c> or deeper (environment forms with <c>__</c> are not checked here).</summary>
    [GeneratedRegex(@"`(?<name>[A-Z][A-Za-z]+(:[A-Z][A-Za-z]+)+)`")]
    private static partial Regex Setting();
}
