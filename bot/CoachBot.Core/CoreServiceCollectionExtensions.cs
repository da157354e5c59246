using CoachBot.Core.Careers;
using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.Installations;
using CoachBot.Core.Missions;
using CoachBot.Core.Home;
using CoachBot.Core.Onboarding;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Privacy;
using CoachBot.Core.Reading;
using CoachBot.Core.Reflections;
using CoachBot.Core.Settings;
using CoachBot.Core.Skills;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Core;

/// <summary>Registers the conversation engine and its handlers.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the core. <c>help</c> lists the verbs in <see cref="VerbCatalog"/> order. Stores come from the
    /// storage adapter (AddCoachBotStorage) or from test fakes; <see cref="IProgressChartLinks"/> from the host
    /// (AddCoachBotCharts).
    /// </summary>
    public static IServiceCollection AddCoachBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CoachingOptions>().BindConfiguration(CoachingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CoachingOptions>, CoachingOptionsValidator>();
        services.AddOptions<UninstallOptions>().BindConfiguration(UninstallOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UninstallOptions>, UninstallOptionsValidator>());
        services.TryAddSingleton<UninstallMarks>();

        services.AddSingleton<DailyStepService>();
        services.AddSingleton<ProgressReportService>();
        services.AddSingleton<CommandReader>();
        AddHandler<HelpHandler>(services, actions: false);
        AddHandler<OnboardingFlow>(services, actions: true);
        services.AddSingleton<HomeDashboard>();
        AddHandler<HomeHandler>(services, actions: false);
        AddHandler<HabitHandler>(services, actions: true);
        AddHandler<ProgressHandler>(services, actions: false);
        AddHandler<SkillsHandler>(services, actions: true);
        AddHandler<SettingsHandler>(services, actions: true);
        AddHandler<PathHandler>(services, actions: true);
        AddHandler<RolesHandler>(services, actions: false);
        services.AddSingleton<ReadingService>();
        AddHandler<ReadingHandler>(services, actions: true);
        services.AddSingleton<OneOnOneService>();
        services.AddSingleton<OneOnOneReminders>();
        AddHandler<OneOnOneHandler>(services, actions: true);
        services.AddSingleton<IFirstContactHandler>(sp => sp.GetRequiredService<OneOnOneHandler>());
        services.AddSingleton<CalendarFeedService>();
        AddHandler<CalendarHandler>(services, actions: false);
        services.AddSingleton<TeamMembership>();
        services.AddSingleton<TeamReflectionService>();
        AddHandler<TeamReflectionHandler>(services, actions: true);
        AddHandler<ReflectHandler>(services, actions: true);
        services.AddSingleton<TeamHealthService>();
        AddHandler<TeamHealthHandler>(services, actions: false);

        services.AddSingleton<MissionStandingService>();
        AddHandler<MissionsHandler>(services, actions: true);

        services.AddSingleton<UserDataService>();
        AddHandler<PrivacyHandler>(services, actions: true);
        services.AddSingleton<ConversationEngine>();
        return services;
    }

    private static void AddHandler<T>(IServiceCollection services, bool actions)
        where T : class, ICommandHandler
    {
        services.AddSingleton<T>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<T>());
        if (actions)
        {
            services.AddSingleton(sp => (IActionHandler)sp.GetRequiredService<T>());
        }
    }
}
