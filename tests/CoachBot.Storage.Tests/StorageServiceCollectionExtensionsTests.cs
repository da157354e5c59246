using CoachBot.Core.Delivery;
using CoachBot.Core.Habits;
using CoachBot.Core.Installations;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Habits;
using CoachBot.Storage.Installations;
using CoachBot.Storage.OneOnOnes;
using CoachBot.Storage.Reflections;
using CoachBot.Storage.Skills;
using CoachBot.Storage.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCoachBotStorage_Defaults_ResolvesEveryPortAsASingletonAzureTablesStore()
    {
        using var provider = Build(new Dictionary<string, string?>());

        Assert.IsType<CachingUserStore>(provider.GetRequiredService<IUserStore>());
        Assert.IsType<AzureTablesProgressStore>(provider.GetRequiredService<IProgressStore>());
        Assert.IsType<AzureTablesDeliveryLedger>(provider.GetRequiredService<IDeliveryLedger>());
        Assert.IsType<AzureTablesInstallationStore>(provider.GetRequiredService<IInstallationStore>());
        Assert.IsType<AzureTablesConversationReferenceStore>(provider.GetRequiredService<IConversationReferenceStore>());
        Assert.IsType<AzureTablesSkillStore>(provider.GetRequiredService<ISkillStore>());
        Assert.IsType<AzureTablesTalkingPointStore>(provider.GetRequiredService<ITalkingPointStore>());
        Assert.Same(provider.GetRequiredService<IUserStore>(), provider.GetRequiredService<IUserStore>());
    }

    [Fact]
    public void AddCoachBotStorage_ProfileCacheOff_UsesTheTableStoreDirectly()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Storage:ProfileCacheLifetime"] = "00:00:00" });

        Assert.IsType<AzureTablesUserStore>(provider.GetRequiredService<IUserStore>());
    }

    [Fact]
    public void AddCoachBotStorage_StorageSection_BindsOptions()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Storage:TablePrefix"] = "coachbotstaging" });

        var tables = provider.GetRequiredService<CoachBotTables>();

        Assert.Equal("coachbotstagingUsers", tables.GetTableName(StorageTableNames.Users));
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", tables.Endpoint.ToString().TrimEnd('/'));
    }

    [Fact]
    public void AddCoachBotStorage_InvalidPrefix_FailsStartValidationNamingTheSetting()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Storage:TablePrefix"] = "x-y" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:TablePrefix 'x-y'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCoachBotStorage_Always_RegistersInitializerAndReadinessCheckTaggedReady()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var registration = Assert.Single(
            provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations, r => r.Name == "storage");

        Assert.Contains("ready", registration.Tags);
        Assert.Same(provider.GetRequiredService<StorageReadinessCheck>(), registration.Factory(provider));
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is StorageInitializer);
    }

    [Fact]
    public void AddCoachBotStorage_Always_RegistersTheReflectionIndexBackfill()
    {
        using var provider = Build(new Dictionary<string, string?>());

        Assert.Contains(provider.GetServices<IHostedService>(), s => s is ReflectionIndexBackfill);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCoachBotStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
