using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Settings;

/// <summary>
/// Reads a set of setting values (typed, pressed or submitted in the form) into a new profile without saving
/// anything: the handler saves the result only when <see cref="Errors"/> is empty, so a form with one bad value
/// changes nothing at all.
/// </summary>
internal sealed partial class SettingsUpdate
{
    /// <summary>At most this many pauses are kept, newest last; older ones no longer matter for streaks.</summary>
    public const int MaxPauses = 20;

    /// <summary>At most this many holidays are kept; the oldest go first.</summary>
    public const int MaxHolidays = 100;

    /// <summary>A pause can end at most this many days ahead; longer than that is "stop nudges", not a vacation.</summary>
    public const int MaxPauseDays = 365;

    private readonly TurnContext _context;
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly DateOnly _today;
    private readonly List<string?> _errorInputs = [];

    private SettingsUpdate(TurnContext context, IReadOnlyDictionary<string, string> values)
    {
        _context = context;
        _values = values;
        _today = context.LocalToday;
        Profile = context.Profile;
    }

    /// <summary>The profile with every valid value applied.</summary>
    public UserProfile Profile { get; private set; }

    /// <summary>One message per bad value, each saying what to type instead.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>
    /// The form input every error is about, or null when there is none, more than one, or an error about a value
    /// the form has no input for (typed or pressed values).
    /// </summary>
    public string? ErrorInputId =>
        _errorInputs.Count > 0 && _errorInputs.All(id => id is not null && id == _errorInputs[0]) ? _errorInputs[0] : null;

    /// <summary>Buttons that fix a bad value in one press (e.g. the nearest time zones).</summary>
    public List<ReplyButton> Fixes { get; } = [];

    /// <summary>Lines that confirm a change beyond "saved" (e.g. the pause's last day).</summary>
    public List<string> Notes { get; } = [];

    public static SettingsUpdate Read(TurnContext context, IReadOnlyDictionary<string, string> values)
    {
        var update = new SettingsUpdate(context, values);
        update.TimeZone();
        update.NudgeTime();
        update.WorkingDays();
        update.Language();
        update.QuietHours();
        update.Pause();
        update.Holidays();
        update.Nudges();
        update.Channel();
        update.RoleAndPath();
        return update;
    }

    /// <summary>The pause that covers <paramref name="today"/>, if any.</summary>
    public static DateRange? CurrentPause(UserProfile profile, DateOnly today) => profile.Pauses.LastOrDefault(p => p.Contains(today));

    /// <summary>Records a bad value; <paramref name="inputId"/> is the form input it came from, if it came from one.</summary>
    private void Error(string? inputId, string message)
    {
        Errors.Add(message);
        _errorInputs.Add(inputId);
    }

    /// <summary>Which quiet-hours input holds the time that does not parse, or null when both parse.</summary>
    private static string? QuietInputAt(string start, string end) =>
        SettingsParser.TimeOfDay(start) is null ? "quiet_start" : SettingsParser.TimeOfDay(end) is null ? "quiet_end" : null;

    private string? Value(string key) => _values.TryGetValue(key, out var v) ? (v ?? string.Empty).Trim() : null;

    private string T(string key, params (string Name, object? Value)[] args) => _context.T(key, args);

    private static ReplyButton Fix(string label, string key, string value) => ReplyButton.With(label, SettingsHandler.SaveAction, key, value);

    private void TimeZone()
    {
        if (Value("time_zone") is not { } text)
        {
            return;
        }

        if (SettingsParser.TimeZone(text) is { } zone)
        {
            // Only a different zone counts as a choice: a form sent back unchanged must not pin the channel's hint.
            if (zone != Profile.TimeZoneId)
            {
                Profile = Profile with { TimeZoneId = zone, TimeZoneChosen = true };
            }

            return;
        }

        var nearest = TimeZones.Suggest(text);
        if (nearest.Count == 0)
        {
            Error("time_zone", T("settings.error.time_zone", ("value", text)));
            return;
        }

        Error("time_zone", T("settings.error.time_zone_suggest", ("value", text), ("suggestions", string.Join(", ", nearest))));
        Fixes.AddRange(nearest.Select(id => Fix(id, "time_zone", id)));
    }

    private void NudgeTime()
    {
        if (Value("nudge_time") is not { } text)
        {
            return;
        }

        if (SettingsParser.TimeOfDay(text) is { } time)
        {
            Profile = Profile with { NudgeTime = time };
            return;
        }

        Error("nudge_time", T("settings.error.nudge_time", ("value", text)));
        Fixes.AddRange(SettingsText.TimePresets.Select(t => Fix(t, "nudge_time", t)));
    }

    private void WorkingDays()
    {
        if (Value("working_days") is not { } text)
        {
            return;
        }

        if (SettingsParser.WorkingDays(text) is { } days)
        {
            // Lists compare by reference in record equality: keep the old one when the days are the same, so an
            // unchanged form is recognised as unchanged and not saved.
            if (!days.SequenceEqual(Profile.WorkingDays))
            {
                Profile = Profile with { WorkingDays = days };
            }
        }
        else
        {
            Error("working_days", T("settings.error.working_days", ("value", text)));
        }
    }

    private void Language()
    {
        if (Value("language") is not { } text)
        {
            return;
        }

        if (SettingsParser.Language(text) is { } language)
        {
            Profile = Profile with { Language = language };
        }
        else
        {
            Error("language", T("settings.error.language", ("value", text)));
        }
    }

    private void QuietHours()
    {
        if (Value("quiet_hours") is { } typed)
        {
            if (SettingsParser.IsOff(typed))
            {
                Profile = Profile with { QuietHoursStart = null, QuietHoursEnd = null };
            }
            else if (SettingsParser.TimeRange(typed) is { } range)
            {
                Profile = Profile with { QuietHoursStart = range.Start, QuietHoursEnd = range.End };
            }
            else
            {
                Error(null, T("settings.error.quiet_hours", ("value", typed)));
            }

            return;
        }

        var start = Value("quiet_start");
        var end = Value("quiet_end");
        if (start is null && end is null)
        {
            return;
        }

        // The form has two time inputs: both empty turns quiet hours off, both set turns them on.
        if (string.IsNullOrEmpty(start) && string.IsNullOrEmpty(end))
        {
            Profile = Profile with { QuietHoursStart = null, QuietHoursEnd = null };
        }
        else if (string.IsNullOrEmpty(start) || string.IsNullOrEmpty(end))
        {
            Error(string.IsNullOrEmpty(start) ? "quiet_start" : "quiet_end", T("settings.error.quiet_incomplete"));
        }
        else if (SettingsParser.TimeRange($"{start}-{end}") is { } range)
        {
            Profile = Profile with { QuietHoursStart = range.Start, QuietHoursEnd = range.End };
        }
        else
        {
            Error(QuietInputAt(start, end), T("settings.error.quiet_hours", ("value", $"{start}-{end}")));
        }
    }

    private void Nudges()
    {
        if (Value("nudges") is not { } text)
        {
            return;
        }

        if (SettingsParser.OnOff(text) is { } on)
        {
            if (Profile.NudgesStopped == on)
            {
                Notes.Add(T(on ? "settings.nudges_started" : "settings.nudges_stopped"));
            }

            Profile = Profile with { NudgesStopped = !on };
        }
        else
        {
            Error("nudges", T("settings.error.nudges", ("value", text)));
            Fixes.AddRange(NudgeButtons(_context));
        }
    }

    /// <summary>"Stop all nudges" and "Start nudges again".</summary>
    public static IReadOnlyList<ReplyButton> NudgeButtons(TurnContext context) =>
    [
        ReplyButton.With(context.T("settings.button.nudges_off"), SettingsHandler.SaveAction, "nudges", "off"),
        ReplyButton.With(context.T("settings.button.nudges_on"), SettingsHandler.SaveAction, "nudges", "on"),
    ];

    private void Channel()
    {
        if (Value("channel") is not { } text)
        {
            return;
        }

        if (SettingsParser.Channel(text) is { } channel)
        {
            Profile = Profile with { NudgeChannel = channel };
        }
        else
        {
            Error("channel", T("settings.error.channel", ("value", text)));
            Fixes.AddRange(ChannelButtons(_context));
        }
    }

    /// <summary>One button per nudge channel.</summary>
    public static IReadOnlyList<ReplyButton> ChannelButtons(TurnContext context) =>
    [
        ReplyButton.With(SettingsText.Channel(context, NudgeChannel.DirectMessage), SettingsHandler.SaveAction, "channel", "dm"),
        ReplyButton.With(SettingsText.Channel(context, NudgeChannel.AppHome), SettingsHandler.SaveAction, "channel", "home"),
    ];

    private void RoleAndPath()
    {
        if (Value("role") is { Length: > 0 } roleText)
        {
            if (SettingsParser.Pick(roleText, ContentVocabulary.UserRoles, id => SettingsText.Role(_context, id)) is { } role)
            {
                Profile = Profile with { Role = role };
            }
            else
            {
                Error("role", T("settings.error.role", ("value", roleText)));
                Fixes.AddRange(RoleButtons(_context));
            }
        }

        if (Value("path") is { Length: > 0 } pathText)
        {
            if (SettingsParser.Pick(pathText, ContentVocabulary.PathIds, id => SettingsText.Path(_context, id)) is { } path)
            {
                Profile = Profile with { CareerPath = path };
            }
            else
            {
                Error("path", T("settings.error.path", ("value", pathText)));
                Fixes.AddRange(PathButtons(_context));
            }
        }
    }

    /// <summary>One button per user role, numbered as onboarding numbers them.</summary>
    public static IReadOnlyList<ReplyButton> RoleButtons(TurnContext context) =>
        [.. ContentVocabulary.UserRoles.Select((id, i) => ReplyButton.With($"{i + 1}. {SettingsText.Role(context, id)}", SettingsHandler.SaveAction, "role", id))];

    /// <summary>One button per career path, numbered as onboarding numbers them.</summary>
    public static IReadOnlyList<ReplyButton> PathButtons(TurnContext context) =>
        [.. context.Content.Paths.Select((p, i) => ReplyButton.With($"{i + 1}. {p.Title}", SettingsHandler.SaveAction, "path", p.Id))];
}
