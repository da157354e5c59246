namespace CoachBot.Core.Conversation;

/// <summary>Handles one or more typed verbs.</summary>
public interface ICommandHandler
{
    /// <summary>The verbs, lowercase; a verb may hold a space (e.g. <c>forget me</c>).</summary>
    IReadOnlyList<string> Verbs { get; }

    /// <summary>
    /// True for the daily practice (today, done, progress, reading): the only commands that need the habit setup, so
    /// the only ones that remind an unfinished setup. 1-on-1s, reflections, settings and privacy never do.
    /// </summary>
    bool IsDailyPractice => false;

    Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken);
}
