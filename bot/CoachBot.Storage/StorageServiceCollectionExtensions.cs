using CoachBot.Core.Delivery;
using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.Installations;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Privacy;
using CoachBot.Core.Reflections;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;
using CoachBot.Storage.Calendar;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Habits;
using CoachBot.Storage.Health;
using CoachBot.Storage.Inbox;
using CoachBot.Storage.Installations;
using CoachBot.Storage.OneOnOnes;
using CoachBot.Storage.Privacy;
using CoachBot.Storage.Reflections;
using CoachBot.Storage.Scheduling;
using CoachBot.Storage.Skills;
using CoachBot.Storage.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage;

/// <summary>Registers the Azure Table Storage adapters of the Core's store ports.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="StorageOptions"/> (section <c>Storage</c>, validated on start), <see cref="CoachBotTables"/>, every
    /// store against its port, the background <see cref="StorageInitializer"/> and <see cref="ReflectionIndexBackfill"/>,
    /// and the <c>storage</c> health check tagged <c>ready</c>.
    /// </summary>
    public static IServiceCollection AddCoachBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.AddSingleton<CoachBotTables>();
        services.AddSingleton<AzureTablesUserStore>();
        services.AddSingleton<IUserStore>(sp =>
        {
            var store = sp.GetRequiredService<AzureTablesUserStore>();
            var lifetime = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ProfileCacheLifetime;
            return lifetime > TimeSpan.Zero ? new CachingUserStore(store, sp.GetRequiredService<TimeProvider>(), lifetime) : store;
        });
        services.AddSingleton<IProgressStore, AzureTablesProgressStore>();
        services.AddSingleton<IDeliveryLedger, AzureTablesDeliveryLedger>();
        services.AddSingleton<IInstallationStore, AzureTablesInstallationStore>();
        services.AddSingleton<IPendingUninstallStore, AzureTablesPendingUninstallStore>();
        services.AddSingleton<IConversationReferenceStore, AzureTablesConversationReferenceStore>();
        services.AddSingleton<ISkillStore, AzureTablesSkillStore>();
        services.AddSingleton<ITalkingPointStore, AzureTablesTalkingPointStore>();
        services.AddSingleton<IOneOnOneStore, AzureTablesOneOnOneStore>();
        services.AddOptions<AnswerKeyOptions>().Bind(configuration.GetSection(AnswerKeyOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswerKeyOptions>, AnswerKeyOptionsValidator>());
        services.AddSingleton<ReflectionAnswerKey>();
        services.AddSingleton<IReflectionStore, AzureTablesReflectionStore>();
        services.AddSingleton<ITeamChannelAddressStore, AzureTablesTeamChannelAddressStore>();
        services.AddSingleton<IInbox, AzureTablesInbox>();
        services.AddSingleton<IDueIndex, AzureTablesDueIndex>();
        services.AddSingleton<IUploadedFileStore, AzureTablesUploadedFileStore>();
        services.AddSingleton<ITenantUsers, AzureTablesTenantUsers>();
        services.AddSingleton<ICalendarFeedStore, AzureTablesCalendarFeedStore>();
        services.AddSingleton<ITeamHealthStore, AzureTablesTeamHealthStore>();

        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<ReflectionIndexBackfill>();

        // Singleton so the check remembers the last state and logs only transitions; AddCheck<T> resolves it from
        // the container when registered.
        services.AddSingleton<StorageReadinessCheck>();
        services.AddHealthChecks().AddCheck<StorageReadinessCheck>("storage", tags: ["ready"]);
        return services;
    }
}
