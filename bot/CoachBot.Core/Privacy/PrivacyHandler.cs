using CoachBot.Content.Model;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.Privacy;

/// <summary>
/// <c>export</c> (every record about the user as a JSON file) and <c>forget me</c> (delete every record, only after
/// the user confirms with the Danger button or by typing <c>forget me yes</c>).
/// </summary>
/// <remarks>
/// Neither verb changes the profile through the turn context: `export` must not create a profile for someone we know
/// nothing about, and after `forget me` nothing about the user may be written again in that turn.
/// </remarks>
public sealed class PrivacyHandler : ICommandHandler, IActionHandler
{
    public const string ForgetConfirmAction = "privacy.forget.confirm";
    public const string ForgetCancelAction = "privacy.forget.cancel";

    /// <summary>What to type after <c>forget me</c> to confirm without the button.</summary>
    public const string TypedConfirmation = "yes";

    private readonly UserDataService _data;
    private readonly IExportLinks? _links;

    /// <param name="data">Collects and deletes the user's records.</param>
    /// <param name="links">The host's download links for channels that take no files; none in hosts without HTTP.</param>
    public PrivacyHandler(UserDataService data, IEnumerable<IExportLinks> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        _data = data;
        _links = links.FirstOrDefault();
    }

    public IReadOnlyList<string> Verbs { get; } = ["export", "forget me"];

    public string ActionPrefix => "privacy.";

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Verb == "export")
        {
            return await ExportAsync(context, cancellationToken);
        }

        return string.Equals(command.Arguments, TypedConfirmation, StringComparison.OrdinalIgnoreCase)
            ? await ForgetAsync(context, cancellationToken)
            : await AskAsync(context, cancellationToken);
    }

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        return action.Id switch
        {
            ForgetConfirmAction => await ForgetAsync(context, cancellationToken),
            ForgetCancelAction => Reply.Plain(context.T("privacy.forget.cancelled")),
            _ => new Reply { Text = context.T("error.unknown_action"), IsError = true },
        };
    }

    private async Task<Reply> ExportAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var data = await _data.CollectAsync(context.Turn.User, cancellationToken);
        var fileName = UserDataService.FileName(context.LocalToday);
        var summary = data.IsEmpty
            ? context.T("privacy.export.empty")
            : context.T(
                "privacy.export.done",
                ("practice", data.Practice.Count),
                ("skills", data.SkillAssessments.Count),
                ("talking_points", data.TalkingPoints.Count));
        summary = StringTable.Lines(summary, OneOnOnes(context, data), Reflections(context, data));
        if (context.Turn.AcceptsFiles)
        {
            return new Reply
            {
                Text = StringTable.Lines(summary, context.T("privacy.export.attached", ("file", fileName))),
                Attachments = [new ReplyAttachment(fileName, "application/json", UserDataService.ToJson(data, context.Now))],
            };
        }

        // Teams takes no file with a bot's message: a link the browser opens, with the file built when it is opened.
        // Without one, say so plainly rather than "attached" (the file would never arrive).
        if (_links?.TryCreate(context.Turn.User, context.Profile.Language) is not { } link)
        {
            return new Reply { Text = StringTable.Lines(summary, context.T("privacy.export.no_link")), IsError = true };
        }

        var minutes = (int)Math.Ceiling(link.Lifetime.TotalMinutes);
        return new Reply
        {
            Text = StringTable.Lines(summary, context.T("privacy.export.link", ("file", fileName), ("url", link.Url), ("minutes", minutes))),
            Links = [new ReplyLink(context.T("privacy.export.link_button", ("file", fileName)), link.Url)],
        };
    }

    private async Task<Reply> AskAsync(TurnContext context, CancellationToken cancellationToken)
    {
        // Counting first tells the user what exactly they are about to lose; nothing is deleted here.
        var data = await _data.CollectAsync(context.Turn.User, cancellationToken);
        var question = context.T(
            "privacy.forget.question",
            ("practice", data.Practice.Count),
            ("skills", data.SkillAssessments.Count),
            ("talking_points", data.TalkingPoints.Count));
        question = StringTable.Lines(question, OneOnOnes(context, data), Reflections(context, data));
        var how = context.T("privacy.forget.how");
        return new Reply
        {
            Text = StringTable.Lines(question, how),
            Sections = [new ReplySection { Title = context.T("privacy.forget.title"), Body = question }],
            Buttons =
            [
                new ReplyButton(context.T("button.forget_confirm"), ForgetConfirmAction, new Dictionary<string, string>(), ButtonStyle.Danger),
                new ReplyButton(context.T("button.forget_cancel"), ForgetCancelAction, new Dictionary<string, string>()),
            ],
        };
    }

    /// <summary>The 1-on-1 part of the counts, or null for someone with no 1-on-1s.</summary>
    private static string? OneOnOnes(TurnContext context, UserData data) =>
        data.Pairings.Count == 0
            ? null
            : context.T(
                "privacy.oneonones.counts",
                ("pairings", data.Pairings.Count),
                ("notes", data.MeetingNotes.Count),
                ("items", data.ActionItems.Count));

    /// <summary>The team reflection part of the counts, or null for someone who never took part.</summary>
    private static string? Reflections(TurnContext context, UserData data) =>
        data.ReflectionAnswers.Count + data.ReflectionChannels.Count + data.ReflectionsLed.Count == 0
            ? null
            : context.T(
                "reflection.privacy.counts",
                ("answers", data.ReflectionAnswers.Count),
                ("channels", data.ReflectionChannels.Count),
                ("led", data.ReflectionsLed.Count));

    private async Task<Reply> ForgetAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var copiesLeft = await _data.DeleteAllAsync(context.Turn.User, cancellationToken);

        // Said, not hidden: the ids stay so `forget me` again retries exactly those files.
        return copiesLeft == 0
            ? Reply.Plain(context.T("privacy.forget.done"))
            : Reply.Plain(context.T("privacy.forget.done_copies_left", ("count", copiesLeft)));
    }
}
