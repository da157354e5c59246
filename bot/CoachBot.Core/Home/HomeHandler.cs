using CoachBot.Core.Conversation;

namespace CoachBot.Core.Home;

/// <summary><c>home</c>: the same dashboard the Slack App Home shows, in any channel.</summary>
public sealed class HomeHandler : ICommandHandler
{
    private readonly HomeDashboard _dashboard;

    public HomeHandler(HomeDashboard dashboard) => _dashboard = dashboard;

    public IReadOnlyList<string> Verbs { get; } = ["home"];

    public Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _dashboard.BuildAsync(context.Profile, context.Now, cancellationToken);
    }
}
