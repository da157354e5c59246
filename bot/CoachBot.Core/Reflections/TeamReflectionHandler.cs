using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Settings;
using CoachBot.Core.Time;

namespace CoachBot.Core.Reflections;

/// <summary>
/// <c>team reflection on #channel &lt;day&gt; &lt;HH:mm&gt;</c>, <c>off #channel</c> and <c>status [#channel]</c> for a
/// team's lead. Everything shown here is counts; no answer and no name of who answered ever appears.
/// </summary>
public sealed class TeamReflectionHandler : ICommandHandler, IActionHandler
{
    /// <summary>The lead's "I answer too" / "I only run it" buttons: values <c>channel</c> and <c>part</c> (in or out).</summary>
    public const string LeadAction = "reflection.lead";

    public const string OnVerb = "team reflection on";
    public const string OffVerb = "team reflection off";
    public const string StatusVerb = "team reflection status";

    /// <summary>Weeks of participation the lead sees.</summary>
    public const int TrendWeeks = 4;

    private const string IndicatorId = "reflection-participation";

    private readonly IReflectionStore _store;
    private readonly TeamMembership _membership;

    public TeamReflectionHandler(IReflectionStore store, TeamMembership membership)
    {
        _store = store;
        _membership = membership;
    }

    public IReadOnlyList<string> Verbs { get; } = [OnVerb, OffVerb, StatusVerb];

    public string ActionPrefix => LeadAction;

    /// <summary>
    /// The lead says whether they are a member of the team as well: only then do they get the prompts and count among
    /// the invited. Only the lead may say so; the answer is the same for a channel without a reflection.
    /// </summary>
    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        var name = action.Value("channel") ?? string.Empty;
        var part = action.Value("part");
        if (action.Id != LeadAction || !ReflectionArguments.IsChannel(name) || part is not ("in" or "out"))
        {
            return Error(context.T("error.unknown_action"));
        }

        var channel = TeamChannel.For(context.Profile.User, name);
        var existing = await _store.GetAsync(channel, cancellationToken);
        if (existing is null || existing.Lead != context.Profile.User)
        {
            return Error(context.T("reflection.error.not_lead", ("channel", channel.DisplayName)));
        }

        var takesPart = part == "in";
        if (existing.LeadTakesPart != takesPart)
        {
            await _store.SaveAsync(existing with { LeadTakesPart = takesPart }, cancellationToken);
        }

        return new Reply
        {
            Text = context.T(takesPart ? "reflection.lead.in" : "reflection.lead.out", ("channel", channel.DisplayName)),
            Buttons = [LeadButton(context, channel, !takesPart)],
        };
    }

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken) =>
        command.Verb switch
        {
            OnVerb => await OnAsync(context, command.Arguments, cancellationToken),
            OffVerb => await OffAsync(context, command.Arguments, cancellationToken),
            _ => await StatusAsync(context, command.Arguments, cancellationToken),
        };

    private async Task<Reply> OnAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !ReflectionArguments.IsChannel(parts[0]))
        {
            return Error(context.T("reflection.error.on_usage"));
        }

        if (ReflectionArguments.Day(parts[1]) is not { } day)
        {
            var nearest = DayName(context, ReflectionArguments.NearestDay(parts[1]));
            return Error(context.T("reflection.error.day", ("value", parts[1]), ("day", nearest)));
        }

        if (SettingsParser.TimeOfDay(parts[2]) is not { } time)
        {
            return Error(context.T("reflection.error.time", ("value", parts[2])));
        }

        var channel = TeamChannel.For(context.Profile.User, parts[0]);
        if (await MembershipProblemAsync(context, channel, cancellationToken) is { } problem)
        {
            return Error(context.T(problem, ("channel", channel.DisplayName)));
        }

        var existing = await _store.GetAsync(channel, cancellationToken);
        // Switched off is not given up: only the lead may turn it back on or change it, so a member cannot take a
        // paused reflection over and read its participation.
        if (existing is not null && existing.Lead != context.Profile.User)
        {
            return Error(context.T("reflection.error.other_lead", ("channel", channel.DisplayName)));
        }

        // Setting a reflection up does not make the lead a member (they had to be seen in the channel, but a manager
        // may run it for a team they are not part of): a new set-up counts them only once they say "I answer too".
        // A changed set-up keeps what they chose.
        var saved = await _store.SaveAsync(
            new TeamReflection(channel, context.Profile.User, day, time, context.Profile.TimeZoneId, Enabled: true)
            {
                LeadTakesPart = existing?.LeadTakesPart ?? false,
                CreatedAt = existing is null ? context.Now : existing.CreatedAt,
                Version = existing?.Version,
            },
            cancellationToken);
        var next = TimeZoneInfo.ConvertTime(ReflectionSchedule.NextOpenUtc(saved, context.Now), context.TimeZone);
        return new Reply
        {
            Text = StringTable.Lines(
                context.T(
                    "reflection.on.done",
                    ("channel", channel.DisplayName),
                    ("day", DayName(context, day)),
                    ("time", time.ToString("HH:mm", CultureInfo.InvariantCulture)),
                    ("zone", saved.TimeZoneId),
                    ("next", next.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))),
                context.T(saved.LeadTakesPart ? "reflection.on.lead_in" : "reflection.on.lead_out")),
            Buttons = [LeadButton(context, channel, !saved.LeadTakesPart)],
        };
    }

    private static ReplyButton LeadButton(TurnContext context, TeamChannel channel, bool takePart) => new(
        context.T(takePart ? "reflection.button.lead_in" : "reflection.button.lead_out"),
        LeadAction,
        new Dictionary<string, string> { ["channel"] = channel.DisplayName, ["part"] = takePart ? "in" : "out" });

    private async Task<Reply> OffAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var name = arguments.Trim();
        if (!ReflectionArguments.IsChannel(name))
        {
            return Error(context.T("reflection.error.off_usage"));
        }

        var channel = TeamChannel.For(context.Profile.User, name);
        var existing = await _store.GetAsync(channel, cancellationToken);
        if (existing is null || existing.Lead != context.Profile.User)
        {
            // The same answer whether there is no reflection or someone else runs it: only its lead learns more.
            return Error(context.T("reflection.error.not_lead", ("channel", channel.DisplayName)));
        }

        if (existing.Enabled)
        {
            await _store.SaveAsync(existing with { Enabled = false }, cancellationToken);
        }

        return Reply.Plain(context.T("reflection.off.done", ("channel", channel.DisplayName)));
    }

    private async Task<Reply> StatusAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        var name = arguments.Trim();
        IReadOnlyList<TeamReflection> led;
        if (name.Length > 0)
        {
            if (!ReflectionArguments.IsChannel(name))
            {
                return Error(context.T("reflection.error.status_usage"));
            }

            var channel = TeamChannel.For(context.Profile.User, name);
            var reflection = await _store.GetAsync(channel, cancellationToken);
            if (reflection is null || reflection.Lead != context.Profile.User)
            {
                return Error(context.T("reflection.error.not_lead", ("channel", channel.DisplayName)));
            }

            led = [reflection];
        }
        else
        {
            led = await _store.ListLedByAsync(context.Profile.User, cancellationToken);
            if (led.Count == 0)
            {
                return Reply.Plain(context.T("reflection.status.none"));
            }
        }

        var sections = new List<ReplySection>();
        foreach (var reflection in led)
        {
            sections.Add(await StatusSectionAsync(context, reflection, cancellationToken));
        }

        var indicator = context.Content.HealthIndicators.FirstOrDefault(i => i.Id == IndicatorId);
        if (indicator is not null)
        {
            sections.Add(new ReplySection { Title = indicator.Title, Body = indicator.Signal });
        }

        return new Reply
        {
            Text = StringTable.Lines([.. sections.Select(s => StringTable.Lines(s.Title, s.Body, string.Join("\n", s.Fields.Select(f => $"• {f.Label}: {f.Value}"))))]),
            Sections = sections,
        };
    }

    private async Task<ReplySection> StatusSectionAsync(TurnContext context, TeamReflection reflection, CancellationToken cancellationToken)
    {
        var state = reflection.Enabled
            ? context.T(
                "reflection.status.on",
                ("day", DayName(context, reflection.Day)),
                ("time", reflection.Time.ToString("HH:mm", CultureInfo.InvariantCulture)),
                ("zone", reflection.TimeZoneId),
                ("next", TimeZoneInfo.ConvertTime(ReflectionSchedule.NextOpenUtc(reflection, context.Now), TimeZones.FindOrUtc(context.Profile.TimeZoneId))
                    .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))
            : context.T("reflection.status.off");
        state = StringTable.Lines(state, context.T(reflection.LeadTakesPart ? "reflection.status.lead_in" : "reflection.status.lead_out"));
        var rounds = (await _store.ListRoundsAsync(reflection.Channel, cancellationToken)).TakeLast(TrendWeeks).ToList();
        var fields = new List<ReplyField>();
        int? previous = null;
        foreach (var round in rounds)
        {
            var answered = (await _store.ListAnswersAsync(reflection.Channel, round.Week, cancellationToken))
                .Count(a => a.Parts.Any(p => !string.IsNullOrWhiteSpace(p.Text)));
            if (answered < ReflectionSummary.MinAnswersForDetail)
            {
                // Below the summary's anonymity threshold an exact count (or a trend from it) lets a small team work
                // out who answered, e.g. "1 of 4" after one person said they did.
                fields.Add(new ReplyField(round.Week, context.T(
                    round.ClosedAt is null ? "reflection.status.week_few_open" : "reflection.status.week_few",
                    ("min", ReflectionSummary.MinAnswersForDetail), ("invited", round.InvitedCount))));
                previous = null;
                continue;
            }

            var percent = ReflectionSummary.Percent(answered, round.InvitedCount);
            var trend = previous is not { } before ? string.Empty
                : percent > before ? " ↑" : percent < before ? " ↓" : " →";
            fields.Add(new ReplyField(round.Week, context.T(
                round.ClosedAt is null ? "reflection.status.week_open" : "reflection.status.week",
                ("answered", answered), ("invited", round.InvitedCount), ("percent", percent)) + trend));
            previous = percent;
        }

        return new ReplySection
        {
            Title = context.T("reflection.status.title", ("channel", reflection.Channel.DisplayName)),
            Body = StringTable.Lines(state, rounds.Count == 0 ? context.T("reflection.status.no_rounds") : context.T("reflection.status.trend")),
            Fields = fields,
        };
    }

    /// <summary>
    /// Why the sender may not set up <paramref name="channel"/>'s reflection (the key of the message that says so), or
    /// null when they are in it. On Slack and Teams the channel's roster decides (and its members are recorded); on
    /// the local channel, having posted there.
    /// </summary>
    private async Task<string?> MembershipProblemAsync(TurnContext context, TeamChannel channel, CancellationToken cancellationToken)
    {
        ChannelMembers members;
        try
        {
            members = await _membership.RefreshAsync(channel, cancellationToken);
        }
        catch (ChannelRosterUnavailableException)
        {
            return "reflection.error.roster_unavailable";
        }

        return !members.Visible ? "reflection.error.not_visible"
            : members.People.Contains(context.Profile.User) ? null
            : _membership.HasRoster(channel.Channel) ? "reflection.error.not_in_roster"
            : "reflection.error.not_member";
    }

    /// <summary>The day's name in the user's language (the parser accepts it back, e.g. 金曜日).</summary>
    private static string DayName(TurnContext context, DayOfWeek day) =>
        context.Strings.Format("reflection.day." + ReflectionArguments.DayName(day).ToLowerInvariant());

    private static Reply Error(string text) => new() { Text = text, IsError = true };
}
