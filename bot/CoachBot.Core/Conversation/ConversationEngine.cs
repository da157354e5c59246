using System.Diagnostics;
using CoachBot.Content.Model;
using CoachBot.Core.Onboarding;
using CoachBot.Core.Settings;
using CoachBot.Core.Storage;
using CoachBot.Core.Telemetry;
using CoachBot.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Conversation;

/// <summary>
/// The one entry point every channel calls: validates the turn, loads or creates the profile, routes to a handler
/// and turns every failure into a reply that says what to do. A user never sees an exception or silence.
/// </summary>
public sealed class ConversationEngine
{
    private const int MaxAttempts = 3;

    private readonly IUserStore _users;
    private readonly ContentLibrary _content;
    private readonly IReadOnlyList<ICommandHandler> _commands;
    private readonly IReadOnlyList<IActionHandler> _actions;
    private readonly IReadOnlyList<IFirstContactHandler> _firstContact;
    private readonly CommandReader _reader;
    private readonly IReadOnlyList<string> _verbs;
    private readonly TimeProvider _time;
    private readonly CoachingOptions _options;
    private readonly ILogger<ConversationEngine> _logger;

    public ConversationEngine(
        IUserStore users,
        ContentLibrary content,
        IEnumerable<ICommandHandler> commands,
        IEnumerable<IActionHandler> actions,
        IEnumerable<IFirstContactHandler> firstContact,
        CommandReader reader,
        TimeProvider time,
        IOptions<CoachingOptions> options,
        ILogger<ConversationEngine> logger)
    {
        _users = users;
        _content = content;
        _commands = [.. commands];
        _actions = [.. actions];
        _firstContact = [.. firstContact];
        _verbs = CatalogOrder(_commands);
        _reader = reader;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Every verb, in the order `help` lists them.</summary>
    public IReadOnlyList<string> Verbs => _verbs;

    /// <summary>Handles one turn and returns the replies to show, in order. Never throws for bad input or storage
    /// failures; cancellation still propagates.</summary>
    public async Task<IReadOnlyList<Reply>> HandleAsync(IncomingTurn turn, CancellationToken cancellationToken) =>
        (await HandleTurnAsync(turn, cancellationToken)).Replies;

    /// <summary>
    /// <see cref="HandleAsync"/>, also saying whether the turn was a read-only command that saved nothing, so an edge
    /// can skip what only a change needs (Slack's App Home publish).
    /// </summary>
    public async Task<TurnResult> HandleTurnAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        using var activity = CoachBotTelemetry.Source.StartActivity("coachbot.turn");
        activity?.SetTag("coachbot.channel", turn.User.Channel);
        var outcome = "ok";
        var verb = turn.Action is null ? "text" : "action";
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (TooLong(turn) is { } length)
            {
                outcome = "too_long";
                var strings = _content.For(LanguageHint(turn)).Strings;
                return new TurnResult([Error(strings.Format("error.too_long", ("length", length), ("max", CoachingOptions.MaxMessageLength)))], ChangedNothing: false);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var profile = await _users.GetAsync(turn.User, cancellationToken);
                    var (replies, routed, changedNothing) = await HandleOnceAsync(turn, profile, cancellationToken);
                    verb = routed;
                    return new TurnResult(replies, changedNothing);
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    // Another turn of the same user saved first: re-read and run this turn again on fresh data.
                    _logger.LogInformation("Profile changed during a turn; retrying (attempt {Attempt})", attempt + 1);
                }
            }
        }
        catch (StoreUnavailableException ex)
        {
            outcome = "storage_unavailable";
            _logger.LogWarning(ex, "Storage unavailable while handling a turn on {Channel}", turn.User.Channel);
            return new TurnResult([Error(_content.For(LanguageHint(turn)).Strings.Format("error.storage_unavailable"))], ChangedNothing: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = "error";
            _logger.LogError(ex, "Unexpected failure while handling a turn on {Channel}", turn.User.Channel);
            activity?.SetStatus(ActivityStatusCode.Error);
            return new TurnResult([Error(_content.For(LanguageHint(turn)).Strings.Format("error.unexpected"))], ChangedNothing: false);
        }
        finally
        {
            activity?.SetTag("coachbot.verb", verb);
            activity?.SetTag("coachbot.outcome", outcome);
            CoachBotTelemetry.Commands.Add(1, new("verb", verb), new("outcome", outcome), new("channel", turn.User.Channel));
            CoachBotTelemetry.CommandDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("verb", verb));
        }
    }

    private async Task<(IReadOnlyList<Reply> Replies, string Verb, bool ChangedNothing)> HandleOnceAsync(
        IncomingTurn turn, UserProfile? stored, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var isNew = stored is null;

        // A new user's profile is saved by the first handler that changes it (onboarding does), not here: a
        // read-only command (help, export after forget me) must leave no row behind.
        var profile = stored is null ? NewProfile(turn, now) : await RefreshFromHintsAsync(turn, stored, cancellationToken);
        var context = new TurnContext(turn, profile, _users, _content, now);
        var (replies, verb) = await RouteAsync(context, isNew, cancellationToken);

        // What was kept for this person until they reached the bot follows the answer: on their first direct turn, or
        // on the empty turn of an install (Teams greets the person who added the app with it).
        // Someone known only from 1-on-1s (NotStarted: e.g. a report Slack's directory told about) counts as well.
        var firstContact = isNew || profile.Onboarding == OnboardingStep.NotStarted || (turn.Action is null && turn.Text is { Length: 0 });
        if (!firstContact || turn.InChannel || _firstContact.Count == 0)
        {
            // A profile refreshed from the channel's hints (a new time zone) was saved before the command ran.
            return (replies, verb, context.ReadOnlyCommand && !context.ProfileSaved && ReferenceEquals(profile, stored));
        }

        var waiting = new List<Reply>(replies);
        foreach (var handler in _firstContact)
        {
            waiting.AddRange(await handler.OnFirstContactAsync(context, cancellationToken));
        }

        return (waiting, verb, false);
    }

    private async Task<(IReadOnlyList<Reply> Replies, string Verb)> RouteAsync(TurnContext context, bool isNew, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var profile = context.Profile;
        var text = turn.Text;
        if (turn.Action is { } action)
        {
            if (action.Id != CommandActions.RunCommand)
            {
                var handler = _actions.FirstOrDefault(h => action.Id.StartsWith(h.ActionPrefix, StringComparison.Ordinal));
                return handler is null
                    ? ([Error(context.T("error.unknown_action"))], "unknown_action")
                    : ([await handler.HandleAsync(context, action, cancellationToken)], handler.ActionPrefix);
            }

            text = action.Value(CommandActions.TextValue);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return isNew && !turn.InChannel
                ? ([await OnboardingFlow.BeginAsync(context, cancellationToken)], "start")
                : ([HelpHint(context)], "empty");
        }

        if (_reader.Read(text, profile.Language) is { } command
            && _commands.FirstOrDefault(h => h.Verbs.Contains(command.Verb)) is { } commandHandler)
        {
            var reply = await commandHandler.HandleAsync(context, command, cancellationToken);
            context.ReadOnlyCommand = VerbCatalog.Find(command.Verb)?.SafeWith(command.Arguments) == true;
            return await RemindsOfSetupAsync(context, commandHandler, cancellationToken)
                ? ([reply, OnboardingFlow.Reminder(context)], command.Verb)
                : ([reply], command.Verb);
        }

        if (turn.InChannel)
        {
            // Addressed in a shared conversation with something that is not a command: what the bot understood and
            // the way to help, never the onboarding questions, which belong in a direct message.
            return ([UnknownVerb(context, text)], "unknown");
        }

        if (isNew)
        {
            // A first message that is not a command starts onboarding; a typo of a command also gets its suggestions.
            var begin = await OnboardingFlow.BeginAsync(context, cancellationToken);
            return _reader.Suggest(text).Any ? ([UnknownVerb(context, text), begin], "unknown") : ([begin], "start");
        }

        if (profile.Onboarding == OnboardingStep.NotStarted)
        {
            // Known from 1-on-1s or reflections only: a first chat message is the same welcome a new user gets.
            return ([await OnboardingFlow.BeginAsync(context, cancellationToken)], "start");
        }

        if (profile.Onboarding != OnboardingStep.Complete)
        {
            return ([await OnboardingFlow.AnswerAsync(context, text, cancellationToken)], "onboarding_answer");
        }

        return ([UnknownVerb(context, text)], "unknown");
    }

    /// <summary>
    /// The "your setup isn't finished" line: only after a daily-practice command, never in a shared conversation, at
    /// most once a local day (the date is kept on the profile).
    /// </summary>
    private static async Task<bool> RemindsOfSetupAsync(TurnContext context, ICommandHandler handler, CancellationToken cancellationToken)
    {
        if (!handler.IsDailyPractice || context.Turn.InChannel || context.Profile.Onboarding == OnboardingStep.Complete
            || context.Profile.SetupRemindedOn == context.LocalToday)
        {
            return false;
        }

        await context.UpdateProfileAsync(p => p with { SetupRemindedOn = context.LocalToday }, cancellationToken);
        return true;
    }

    private UserProfile NewProfile(IncomingTurn turn, DateTimeOffset now) => new()
    {
        User = turn.User,
        DisplayName = turn.DisplayName,
        Language = LanguageHint(turn),
        TimeZoneId = SettingsParser.TimeZone(turn.TimeZoneHint) ?? SettingsParser.TimeZone(_options.DefaultTimeZone) ?? "UTC",
        NudgeTime = SettingsParser.TimeOfDay(_options.DefaultNudgeTime) ?? new TimeOnly(9, 0),
        CreatedAt = now,
    };

    /// <summary>Follows the channel's time zone (people travel) until the user picks one themselves.</summary>
    private async Task<UserProfile> RefreshFromHintsAsync(IncomingTurn turn, UserProfile profile, CancellationToken cancellationToken)
    {
        if (profile.TimeZoneChosen || SettingsParser.TimeZone(turn.TimeZoneHint) is not { } hinted || hinted == profile.TimeZoneId)
        {
            return profile;
        }

        return await _users.SaveAsync(profile with { TimeZoneId = hinted }, cancellationToken);
    }

    private static string LanguageHint(IncomingTurn turn) => ContentLibrary.LanguageOf(turn.Locale);

    private static int? TooLong(IncomingTurn turn)
    {
        var longest = turn.Text?.Length ?? 0;
        if (turn.Action is { } action)
        {
            longest = Math.Max(longest, action.Values.Values.Select(v => v?.Length ?? 0).DefaultIfEmpty(0).Max());
        }

        return longest > CoachingOptions.MaxMessageLength ? longest : null;
    }

    private static Reply HelpHint(TurnContext context) => new()
    {
        Text = context.T("help.hint"),
        Buttons = [ReplyButton.Command(context.T("button.help"), "help", ButtonStyle.Primary)],
    };

    /// <summary>
    /// "I don't know X. Did you mean …?" with a button per suggestion. A button runs a suggestion only when that changes
    /// nothing (<see cref="VerbSafety"/>); for any other it opens that command's help, so a typo never accepts a 1-on-1
    /// or records a practice. The help button goes to the group's topic when the text was about one (<c>1on1 …</c>).
    /// </summary>
    private Reply UnknownVerb(TurnContext context, string text)
    {
        var guess = _reader.Suggest(text);
        var word = guess.Typed.Length > 40 ? guess.Typed[..40] + "…" : guess.Typed;
        var language = context.Profile.Language;
        var names = guess.Suggestions.Count > 0 ? guess.Suggestions.Select(s => _reader.Display(s.Verb, language)).ToList() : guess.Group is { } group ? [group] : [];
        var message = names.Count > 0
            ? context.T("error.unknown_verb", ("word", word), ("suggestions", string.Join(", ", names)))
            : context.T("error.unknown_verb_no_match", ("word", word));
        var buttons = guess.Suggestions.Select(s => SuggestionButton(context, s, _reader.Display(s.Verb, language))).ToList();
        buttons.Add(guess.GroupVerb is { } groupVerb && VerbCatalog.Find(groupVerb) is { } member
            ? ReplyButton.Command(context.T("button.help_topic", ("topic", context.T(HelpTopic.TitleKey(member.Topic)))), "help " + member.Topic)
            : ReplyButton.Command(context.T("button.help"), "help"));
        return new Reply
        {
            Text = message,
            IsError = true,
            // One button per command: "hlep" suggests help, and the Help button would be the same one again.
            Buttons = [.. buttons.DistinctBy(b => b.Values[CommandActions.TextValue], StringComparer.Ordinal)],
        };
    }

    /// <summary>The button of one suggestion; <paramref name="name"/> is the verb in the person's words (the label only:
    /// the command it sends is always the verb).</summary>
    private static ReplyButton SuggestionButton(TurnContext context, Suggestion suggestion, string name)
    {
        var info = VerbCatalog.Find(suggestion.Verb)!;

        // In a shared conversation anyone may plant a typo for someone else to press ("1on1 histroy @bob"), and the
        // answer to a card press may replace the message for the whole channel: there a suggestion only explains.
        return info.SafeWith(suggestion.Arguments) && !context.Turn.InChannel
            ? ReplyButton.Command(name, (suggestion.Verb + " " + suggestion.Arguments).Trim())
            : ReplyButton.Command(context.T("button.how_to_use", ("command", name)), "help " + suggestion.Verb);
    }

    /// <summary>
    /// The handlers' verbs in <see cref="VerbCatalog"/> order. A verb a handler runs but the catalog does not describe
    /// (or the other way round) would be missing from help or never suggested: refuse to start instead.
    /// </summary>
    private static List<string> CatalogOrder(IReadOnlyList<ICommandHandler> commands)
    {
        var handled = commands.SelectMany(c => c.Verbs).ToHashSet(StringComparer.Ordinal);
        var missing = handled.Where(v => VerbCatalog.Find(v) is null).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Verbs without a VerbCatalog entry (topic and safety): {string.Join(", ", missing)}. Add them to VerbCatalog.All.");
        }

        return [.. VerbCatalog.Verbs.Where(handled.Contains)];
    }

    private static Reply Error(string text) => new() { Text = text, IsError = true };
}
