using CoachBot.Core.Delivery;
using CoachBot.Core.Privacy;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Slack.BlockKit;
using CoachBot.Slack.Inbound;
using CoachBot.Slack.Install;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack;

/// <summary>Wires the Slack edge. Everything is registered; endpoints are mapped only when Slack is configured.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>True when the configuration turns the Slack edge on (a signing secret, or an app token for Socket Mode).</summary>
    public static bool IsSlackConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration["Slack:SigningSecret"]) || !string.IsNullOrWhiteSpace(configuration["Slack:AppToken"]);
    }

    public static IServiceCollection AddCoachBotSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSlackApiClient();
        services.AddSlackBlockKit();
        services.AddSlackInstall(configuration);

        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackInboxSignal>();
        services.AddSingleton<ISlackInboundDispatcher, SlackInboundDispatcher>();
        services.AddSingleton<SlackUserHints>();
        services.AddSingleton<IPersonDirectory, SlackPersonDirectory>();
        services.AddSingleton<SlackConversation>();
        services.AddSingleton<IChannelCopies, SlackUploadedCopies>();
        services.AddSingleton<IPersonAccounts, SlackGridAccounts>();
        services.AddSingleton<SlackModals>();
        services.AddSingleton<SlackAckBudget>();
        services.AddSingleton<SlackHomeRefresher>();
        services.AddSingleton<ISlackSlashCommandHandler, SlackSlashCommandHandler>();
        services.AddSingleton<ISlackBlockActionHandler, SlackBlockActionHandler>();
        services.AddSingleton<ISlackViewSubmissionHandler, SlackViewSubmissionHandler>();
        services.AddSingleton<ISlackEventSubscriber, SlackDirectMessageSubscriber>();
        services.AddSingleton<ISlackEventSubscriber, SlackMentionSubscriber>();
        services.AddSingleton<ISlackEventSubscriber, SlackHomeOpenedSubscriber>();
        services.AddSingleton<ISlackEventSubscriber, SlackUninstalledSubscriber>();
        services.AddSingleton<ISlackEventSubscriber, SlackTokensRevokedSubscriber>();
        services.AddSingleton<ISlackEventSubscriber, SlackUserChangeSubscriber>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<SlackChannelSender>());
        services.AddSingleton<ITeamChannelPoster, SlackChannelPoster>();
        services.AddSingleton<IChannelRoster, SlackChannelRoster>();
        services.AddSingleton<IHomeSurface, SlackHomeSurface>();
        if (IsSlackConfigured(configuration))
        {
            services.AddHostedService<SlackInboxWorker>();
        }

        return services;
    }

    /// <summary>Maps /slack/events, /slack/commands and /slack/interactions when a signing secret is set, and the
    /// install pages when OAuth is configured.</summary>
    public static IEndpointRouteBuilder MapCoachBotSlack(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            app.MapSlackEndpoints();
        }

        if (options.HasOAuth)
        {
            app.MapSlackInstall();
        }

        return app;
    }
}
