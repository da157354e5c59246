using CoachBot.Content.Model;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.Settings;

/// <summary>
/// <c>settings</c>: shows the settings with a form, and changes them by form or by typing
/// (<c>settings timezone Asia/Tokyo</c>). Bad input changes nothing and says what to type instead.
/// </summary>
public sealed class SettingsHandler : ICommandHandler, IActionHandler
{
    public const string SaveAction = "settings.save";

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
    };

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
            return Show(context, context.T("settings.error.unknown_field", ("field", parts[0])));
        }

        var values = new Dictionary<string, string> { [field] = parts.Length > 1 ? parts[1] : string.Empty };
        return await SaveAsync(context, values, cancellationToken);
    }

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken) =>
        action.Id == SaveAction
            ? await SaveAsync(context, action.Values, cancellationToken)
            : new Reply { Text = context.T("error.unknown_action"), IsError = true };

    /// <summary>Validates every given value first; saves all of them only when all are valid.</summary>
    private static async Task<Reply> SaveAsync(TurnContext context, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var profile = context.Profile;
        string? Value(string key) => values.TryGetValue(key, out var v) ? v.Trim() : null;

        if (Value("time_zone") is { } zoneText)
        {
            if (SettingsParser.TimeZone(zoneText) is { } zone)
            {
                profile = profile with { TimeZoneId = zone, TimeZoneChosen = true };
            }
            else
            {
                errors.Add(context.T("settings.error.time_zone", ("value", zoneText)));
            }
        }

        if (Value("nudge_time") is { } timeText)
        {
            if (SettingsParser.TimeOfDay(timeText) is { } time)
            {
                profile = profile with { NudgeTime = time };
            }
            else
            {
                errors.Add(context.T("settings.error.nudge_time", ("value", timeText)));
            }
        }

        if (Value("working_days") is { } daysText)
        {
            if (SettingsParser.WorkingDays(daysText) is { } days)
            {
                profile = profile with { WorkingDays = days };
            }
            else
            {
                errors.Add(context.T("settings.error.working_days", ("value", daysText)));
            }
        }

        if (Value("language") is { } languageText)
        {
            if (SettingsParser.Language(languageText) is { } language)
            {
                profile = profile with { Language = language };
            }
            else
            {
                errors.Add(context.T("settings.error.language", ("value", languageText)));
            }
        }

        if (errors.Count > 0)
        {
            var reply = Show(context, string.Join("\n", errors));
            return reply with { IsError = true };
        }

        if (profile == context.Profile)
        {
            return Show(context, context.T("settings.unchanged"));
        }

        await context.UpdateProfileAsync(_ => profile, cancellationToken);
        // The confirmation is in the language just chosen: that is the proof the change took effect.
        return Show(context, context.T("settings.saved"));
    }

    private static Reply Show(TurnContext context, string? message)
    {
        var fields = SettingsText.Fields(context);
        var title = context.T("settings.title");
        var p = context.Profile;
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
        ]);
        var help = context.T("settings.typing_help");
        return new Reply
        {
            Text = StringTable.Lines(message, title, SettingsText.AsLines(fields), help),
            Sections = [.. message is null ? Array.Empty<ReplySection>() : [new ReplySection { Body = message }], new ReplySection { Title = title, Fields = fields, Body = help }],
            Form = form,
        };
    }
}
