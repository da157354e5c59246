using CoachBot.Core.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Local;

/// <summary>Wires local mode: the adjustable clock, the inbox sender and (optionally) a local Azurite.</summary>
public static class LocalModeExtensions
{
    public static IHostApplicationBuilder AddCoachBotLocalMode(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LocalOptions>().BindConfiguration(LocalOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LocalOptions>, LocalOptionsValidator>();

        // Decided once, here: the services below and the endpoints in Program.cs follow the same answer. A refused
        // configuration gets no local services (fail closed) and stops at start with the refusals (LocalOptionsValidator).
        var mode = HostMode.Decide(builder.Configuration);
        builder.Services.AddSingleton(mode);
        if (!mode.IsLocal)
        {
            return builder;
        }

        builder.Services.AddSingleton(sp => new LocalClock(TimeProvider.System));
        // Everything in local mode reads time from the local clock, so time travel moves the whole bot.
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<LocalClock>()));
        builder.Services.AddSingleton<LocalInbox>();
        builder.Services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<LocalInbox>());
        builder.Services.AddSingleton<ITeamChannelPoster>(sp => sp.GetRequiredService<LocalInbox>());
        builder.Services.AddSingleton<LocalDownloads>();
        builder.Services.AddHostedService<PlaygroundAnnouncer>();
        // Registered before the storage services (see Program.cs) so Azurite is up before they first call it.
        builder.Services.AddHostedService<LocalAzuriteLauncher>();
        return builder;
    }
}
