using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.Privacy;

/// <summary>
/// <c>export</c> (every record about the user as a JSON file) and <c>forget me</c> (delete every record, only after
/// the user confirms with the Danger button or by typing <c>forget me yes</c>). On a channel where one person has an
/// account in several workspaces of one organisation (Slack Enterprise Grid), both cover every such account
/// (<see cref="IPersonAccounts"/>, ADR 0019).
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
    private readonly IReadOnlyList<IPersonAccounts> _accounts;

    /// <param name="data">Collects and deletes the user's records.</param>
    /// <param name="links">The host's download links for channels that take no files; none in hosts without HTTP.</param>
    /// <param name="accounts">The channels' ways to find a person's other accounts; none where no channel has them.</param>
    public PrivacyHandler(UserDataService data, IEnumerable<IExportLinks> links, IEnumerable<IPersonAccounts> accounts)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(accounts);
        _data = data;
        _links = links.FirstOrDefault();
        _accounts = [.. accounts];
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
        var accounts = await CollectAsync(context.Turn, cancellationToken);
        var fileName = UserDataService.FileName(context.LocalToday);
        var summary = accounts.All(a => a.IsEmpty)
            ? context.T("privacy.export.empty")
            : context.T(
                "privacy.export.done",
                ("practice", accounts.Sum(a => a.Practice.Count)),
                ("skills", accounts.Sum(a => a.SkillAssessments.Count)),
                ("talking_points", accounts.Sum(a => a.TalkingPoints.Count)));
        summary = StringTable.Lines(summary, OneOnOnes(context, accounts), Reflections(context, accounts), Workspaces(context, accounts));
        if (context.Turn.AcceptsFiles)
        {
            return new Reply
            {
                Text = StringTable.Lines(summary, context.T("privacy.export.attached", ("file", fileName))),
                Attachments = [new ReplyAttachment(fileName, "application/json", UserDataService.ToJson(accounts, context.Now))],
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
        var accounts = await CollectAsync(context.Turn, cancellationToken);
        var question = context.T(
            "privacy.forget.question",
            ("practice", accounts.Sum(a => a.Practice.Count)),
            ("skills", accounts.Sum(a => a.SkillAssessments.Count)),
            ("talking_points", accounts.Sum(a => a.TalkingPoints.Count)));
        question = StringTable.Lines(question, OneOnOnes(context, accounts), Reflections(context, accounts), Workspaces(context, accounts));
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
    private static string? OneOnOnes(TurnContext context, IReadOnlyList<UserData> accounts) =>
        accounts.Sum(a => a.Pairings.Count) == 0
            ? null
            : context.T(
                "privacy.oneonones.counts",
                ("pairings", accounts.Sum(a => a.Pairings.Count)),
                ("notes", accounts.Sum(a => a.MeetingNotes.Count)),
                ("items", accounts.Sum(a => a.ActionItems.Count)));

    /// <summary>The team reflection part of the counts, or null for someone who never took part.</summary>
    private static string? Reflections(TurnContext context, IReadOnlyList<UserData> accounts) =>
        accounts.Sum(a => a.ReflectionAnswers.Count + a.ReflectionChannels.Count + a.ReflectionsLed.Count) == 0
            ? null
            : context.T(
                "reflection.privacy.counts",
                ("answers", accounts.Sum(a => a.ReflectionAnswers.Count)),
                ("channels", accounts.Sum(a => a.ReflectionChannels.Count)),
                ("led", accounts.Sum(a => a.ReflectionsLed.Count)));

    /// <summary>Says how many workspaces the counts cover, or null for the usual one.</summary>
    private static string? Workspaces(TurnContext context, IReadOnlyList<UserData> accounts) =>
        accounts.Count == 1 ? null : context.T("privacy.accounts.count", ("count", accounts.Count));

    /// <summary>
    /// The turn's user first, then the same person's accounts in the other workspaces of their organisation. Outside
    /// an organisation (every non-Grid workspace, Teams, the local playground) no store is asked.
    /// </summary>
    private async Task<IReadOnlyList<UserRef>> AccountsAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        List<UserRef> all = [turn.User];
        if (string.IsNullOrEmpty(turn.OrganizationId))
        {
            return all;
        }

        foreach (var accounts in _accounts)
        {
            all.AddRange((await accounts.ListOthersAsync(turn.User, turn.OrganizationId, cancellationToken)).Where(a => !all.Contains(a)));
        }

        return all;
    }

    /// <summary>Everything about each account of the person, the turn's own first.</summary>
    private async Task<IReadOnlyList<UserData>> CollectAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        var data = new List<UserData>();
        foreach (var account in await AccountsAsync(turn, cancellationToken))
        {
            data.Add(await _data.CollectAsync(account, cancellationToken));
        }

        return data;
    }

    private async Task<Reply> ForgetAsync(TurnContext context, CancellationToken cancellationToken)
    {
        // The turn's own account last: if another workspace's delete fails midway, this user is still fully known here
        // and `forget me yes` again finds and finishes every account (each delete is idempotent).
        var accounts = await AccountsAsync(context.Turn, cancellationToken);
        var copiesLeft = 0;
        foreach (var account in accounts.Skip(1).Append(accounts[0]))
        {
            copiesLeft += await _data.DeleteAllAsync(account, cancellationToken);
        }

        // Said, not hidden: the ids stay so `forget me` again retries exactly those files.
        return copiesLeft == 0
            ? Reply.Plain(context.T("privacy.forget.done"))
            : Reply.Plain(context.T("privacy.forget.done_copies_left", ("count", copiesLeft)));
    }
}
