namespace CoachBot.Core.Conversation;

/// <summary><c>help</c>: every verb with its usage and one line on what it does.</summary>
public sealed class HelpHandler : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["help"];

    public Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        var fields = context.KnownVerbs
            .Select(verb => new ReplyField(Usage(context, verb), context.T($"verb.{Key(verb)}.help")))
            .ToList();
        var text = context.T("help.title") + "\n" + string.Join("\n", fields.Select(f => $"• {f.Label}: {f.Value}"));
        return Task.FromResult(new Reply
        {
            Text = text,
            Sections = [new ReplySection { Title = context.T("help.title"), Fields = fields }],
            Buttons =
            [
                ReplyButton.Command(context.T("button.today"), "today", ButtonStyle.Primary),
                ReplyButton.Command(context.T("button.settings"), "settings"),
            ],
        });
    }

    /// <summary>The usage line of a verb, e.g. <c>done [note]</c>.</summary>
    public static string Usage(TurnContext context, string verb) => context.T($"verb.{Key(verb)}.usage");

    private static string Key(string verb) => verb.Replace(' ', '_');
}
