using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.Settings;

/// <summary>
/// <c>settings</c>: shows the settings with a form, and changes them by form or by typing
/// (<c>settings timezone Asia/Tokyo</c>). Bad input changes nothing and says what to type instead.
/// </summary>
public sealed class SettingsHandler : ICommandHandler, IActionHandler
{
    public const string SaveAction = "settings.save";

    /// <summary>Typed setting names (and their aliases) to the value keys the form and buttons use.</summary>
    private static readonly Dictionary<string, string> FieldAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["timezone"] = "time_zone",
        ["tz"] = "time_zone",
        ["zone"] = "time_zone",
        ["time"] = "nudge_time",
        ["nudge"] = "nudge_time",
        ["days"] = "working_days",
        ["workdays"] = "working_days",
        ["language"] = "language",
        ["lang"] = "language",
        ["quiet"] = "quiet_hours",
        ["pause"] = "pause_until",
        ["resume"] = "resume",
        ["holiday"] = "holiday",
        ["holidays"] = "holiday",
        ["nudges"] = "nudges",
        ["channel"] = "channel",
        ["role"] = "role",
        ["path"] = "path",
    };

    /// <summary>Time zones offered as buttons when someone types <c>settings timezone</c> without a value.</summary>
    private static readonly string[] CommonTimeZones =
        ["Asia/Tokyo", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney"];

    private static readonly string[] RemoveWords = ["remove", "delete", "削除"];

    public IReadOnlyList<string> Verbs { get; } = ["settings"];

    public string ActionPrefix => "settings.";

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        if (command.Arguments.Length == 0)
        {
            return Show(context, null);
        }

        var parts = command.Arguments.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (!FieldAliases.TryGetValue(parts[0], out var field))
        {
            return FormError(context, context.T("settings.error.unknown_field", ("field", parts[0])), null, []);
        }

        var value = parts.Length > 1 ? parts[1].Trim() : string.Empty;
        if (field == "resume")
        {
            return await SaveAsync(context, new Dictionary<string, string> { ["pause_until"] = "resume" }, cancellationToken);
        }

        if (value.Length == 0)
        {
            return Ask(context, field);
        }

        if (field == "holiday")
        {
            var words = value.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            var remove = words.Length == 2 && RemoveWords.Contains(words[0], StringComparer.OrdinalIgnoreCase);
            return await SaveAsync(context, new Dictionary<string, string> { [remove ? "holiday_remove" : "holiday_add"] = remove ? words[1] : value }, cancellationToken);
        }

        return await SaveAsync(context, new Dictionary<string, string> { [field] = value }, cancellationToken);
    }

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken) =>
        action.Id == SaveAction
            ? await SaveAsync(context, action.Values, cancellationToken)
            : new Reply { Text = context.T("error.unknown_action"), IsError = true };

    /// <summary>Validates every given value first; saves all of them only when all are valid.</summary>
    private static async Task<Reply> SaveAsync(TurnContext context, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var update = SettingsUpdate.Read(context, values);
        if (update.Errors.Count > 0)
        {
            return FormError(context, string.Join("\n", update.Errors), update.ErrorInputId, update.Fixes);
        }

        if (update.Profile == context.Profile)
        {
            return Show(context, StringTable.Lines([.. update.Notes.DefaultIfEmpty(context.T("settings.unchanged"))]));
        }

        await context.UpdateProfileAsync(_ => update.Profile, cancellationToken);
        // The confirmation is in the language just chosen: that is the proof the change took effect.
        return Show(context, StringTable.Lines([context.T("settings.saved"), .. update.Notes]));
    }

    /// <summary>
    /// A mistake: what was wrong and the buttons that fix it (they are what the person most likely wants to press),
    /// then one button back to the settings; not the whole settings card again. Nothing was saved.
    /// </summary>
    private static Reply FormError(TurnContext context, string message, string? inputId, IReadOnlyList<ReplyButton> fixes) => new()
    {
        Text = message,
        IsError = true,
        ErrorInputId = inputId,
        Buttons = [.. fixes, ReplyButton.Command(context.T("button.settings"), "settings")],
    };

    /// <summary>Asks for one setting with a button per common answer (typed <c>settings pause</c> and the like).</summary>
    private static Reply Ask(TurnContext context, string field)
    {
        var p = context.Profile;
        ReplyButton Set(string label, string key, string value) => ReplyButton.With(label, SaveAction, key, value);
        IReadOnlyList<ReplyButton> buttons = field switch
        {
            "time_zone" =>
            [
                .. new[] { SettingsParser.TimeZone(context.Turn.TimeZoneHint) }.OfType<string>().Concat(CommonTimeZones)
                    .Where(z => z != p.TimeZoneId).Distinct(StringComparer.Ordinal).Select(z => Set(z, "time_zone", z)),
            ],
            "nudge_time" => [.. SettingsText.TimePresets.Select(t => Set(t, "nudge_time", t))],
            "working_days" => [.. SettingsText.DayPresets.Select(d => Set(context.T(d.LabelKey), "working_days", d.Value))],
            "language" => [Set(context.T("language.en"), "language", "en"), Set(context.T("language.ja"), "language", "ja")],
            "quiet_hours" =>
            [
                Set("22:00–07:00", "quiet_hours", "22:00-07:00"),
                Set("21:00–08:00", "quiet_hours", "21:00-08:00"),
                Set(context.T("settings.button.quiet_off"), "quiet_hours", "off"),
            ],
            "pause_until" => SettingsUpdate.CurrentPause(p, context.LocalToday) is null
                ? SettingsUpdate.PauseButtons(context)
                : [.. SettingsUpdate.PauseButtons(context), Set(context.T("settings.button.resume"), "pause_until", "resume")],
            "holiday" =>
            [
                .. p.Holidays.Where(h => h >= context.LocalToday).Take(5)
                    .Select(h => Set(context.T("settings.button.remove_holiday", ("date", SettingsText.Date(h))), "holiday_remove", SettingsText.Date(h))),
            ],
            "nudges" => SettingsUpdate.NudgeButtons(context),
            "channel" => SettingsUpdate.ChannelButtons(context),
            "role" => SettingsUpdate.RoleButtons(context),
            "path" => SettingsUpdate.PathButtons(context),
            _ => [],
        };
        var question = context.T($"settings.ask.{field}", ("example", SettingsText.Date(context.LocalToday.AddDays(14))));
        var current = SettingsText.AllFields(context);
        var hint = buttons.Count > 0 ? context.T("onboarding.type_hint") : null;
        return new Reply
        {
            Text = StringTable.Lines(question, string.Join("\n", buttons.Select(b => "• " + b.Label)), hint),
            Sections = [new ReplySection { Title = question, Body = hint, Fields = current }],
            Buttons = buttons,
        };
    }

    private static Reply Show(TurnContext context, string? message)
    {
        var fields = SettingsText.AllFields(context);
        var title = context.T("settings.title");
        var p = context.Profile;
        var pause = SettingsUpdate.CurrentPause(p, context.LocalToday);
        var form = new ReplyForm(SaveAction, context.T("settings.form_title"), context.T("button.save"),
        [
            new ReplyInput("time_zone", context.T("settings.field.time_zone"), InputKind.Text)
            {
                InitialValue = p.TimeZoneId, Placeholder = "Asia/Tokyo", Required = true, MaxLength = 64,
            },
            new ReplyInput("nudge_time", context.T("settings.field.nudge_time"), InputKind.Time)
            {
                InitialValue = SettingsText.Time(p.NudgeTime), Required = true,
            },
            new ReplyInput("working_days", context.T("settings.field.working_days"), InputKind.MultiChoice)
            {
                Choices = [.. Enumerable.Range(0, 7).Select(i => (DayOfWeek)((i + 1) % 7)).Select(d => new ReplyChoice(SettingsText.Days(context, [d]), SettingsParser.DayCode(d)))],
                InitialValue = SettingsText.DayCodes(p),
                Required = true,
            },
            new ReplyInput("language", context.T("settings.field.language"), InputKind.Choice)
            {
                Choices = [new ReplyChoice(context.T("language.en"), "en"), new ReplyChoice(context.T("language.ja"), "ja")],
                InitialValue = p.Language,
                Required = true,
            },
            new ReplyInput("quiet_start", context.T("settings.field.quiet_start"), InputKind.Time)
            {
                InitialValue = p.QuietHoursStart is { } qs ? SettingsText.Time(qs) : null,
            },
            new ReplyInput("quiet_end", context.T("settings.field.quiet_end"), InputKind.Time)
            {
                InitialValue = p.QuietHoursEnd is { } qe ? SettingsText.Time(qe) : null,
            },
            new ReplyInput("pause_until", context.T("settings.field.pause_until"), InputKind.Date)
            {
                InitialValue = pause is null ? null : SettingsText.Date(pause.To),
                Placeholder = SettingsText.Date(context.LocalToday.AddDays(14)),
            },
            new ReplyInput("holidays", context.T("settings.field.holidays_input"), InputKind.MultilineText)
            {
                InitialValue = string.Join(", ", p.Holidays.Order().Select(SettingsText.Date)),
                Placeholder = SettingsText.Date(new DateOnly(context.LocalToday.Year, 12, 25)) + ", " + SettingsText.Date(new DateOnly(context.LocalToday.Year + 1, 1, 1)),
                MaxLength = SettingsUpdate.MaxHolidays * 12,
            },
            new ReplyInput("nudges", context.T("settings.field.nudges"), InputKind.Choice)
            {
                Choices = [new ReplyChoice(context.T("settings.value.nudges_on"), "on"), new ReplyChoice(context.T("settings.value.nudges_off"), "off")],
                InitialValue = p.NudgesStopped ? "off" : "on",
                Required = true,
            },
            new ReplyInput("channel", context.T("settings.field.channel"), InputKind.Choice)
            {
                Choices = [new ReplyChoice(SettingsText.Channel(context, NudgeChannel.DirectMessage), "dm"), new ReplyChoice(SettingsText.Channel(context, NudgeChannel.AppHome), "home")],
                InitialValue = p.NudgeChannel == NudgeChannel.AppHome ? "home" : "dm",
                Required = true,
            },
            new ReplyInput("role", context.T("settings.field.role"), InputKind.Choice)
            {
                Choices = [.. ContentVocabulary.UserRoles.Select(id => new ReplyChoice(SettingsText.Role(context, id), id))],
                InitialValue = p.Role,
            },
            new ReplyInput("path", context.T("settings.field.path"), InputKind.Choice)
            {
                Choices = [.. context.Content.Paths.Select(path => new ReplyChoice(path.Title, path.Id))],
                InitialValue = p.CareerPath,
            },
        ]);
        var help = context.T("settings.typing_help");
        return new Reply
        {
            Text = StringTable.Lines(message, title, SettingsText.AsLines(fields), help),
            Sections = [.. message is null ? Array.Empty<ReplySection>() : [new ReplySection { Body = message }], new ReplySection { Title = title, Fields = fields, Body = help }],
            Form = form,
            Buttons =
            [
                .. pause is null
                    ? SettingsUpdate.PauseButtons(context)
                    : [ReplyButton.With(context.T("settings.button.resume"), SaveAction, "pause_until", "resume")],
                p.NudgesStopped ? SettingsUpdate.NudgeButtons(context)[1] : SettingsUpdate.NudgeButtons(context)[0],
                ReplyButton.Command(context.T("settings.button.change_role"), "settings role"),
                ReplyButton.Command(context.T("settings.button.change_path"), "settings path"),
            ],
        };
    }
}
