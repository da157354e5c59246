using CoachBot.Core.Conversation;
using CoachBot.Core.Time;

namespace CoachBot.Core.Settings;

/// <summary>Days off: pauses (vacations) and holidays, which never break a streak.</summary>
internal sealed partial class SettingsUpdate
{
    private void Pause()
    {
        if (Value("pause_until") is not { } text)
        {
            return;
        }

        var current = CurrentPause(Profile, _today);
        var example = SettingsText.Date(_today.AddDays(14));
        if (text.Length == 0 || SettingsParser.IsOff(text) || string.Equals(text, "resume", StringComparison.OrdinalIgnoreCase))
        {
            if (current is not null)
            {
                Profile = Profile with { Pauses = EndCurrentPause(Profile.Pauses, _today) };
                Notes.Add(T("settings.resumed"));
            }
            else if (text.Length > 0)
            {
                Notes.Add(T("settings.not_paused"));
            }

            return;
        }

        if (SettingsParser.PauseUntil(text, _today) is not { } until)
        {
            Error("pause_until", T("settings.error.pause_date", ("value", text), ("example", example)));
            Fixes.AddRange(PauseButtons(_context));
        }
        else if (until < _today)
        {
            Error("pause_until", T("settings.error.pause_past", ("date", SettingsText.Date(until)), ("today", SettingsText.Date(_today)), ("example", example)));
            Fixes.AddRange(PauseButtons(_context));
        }
        else if (until > _today.AddDays(MaxPauseDays))
        {
            Error("pause_until", T("settings.error.pause_too_far", ("max", SettingsText.Date(_today.AddDays(MaxPauseDays)))));
        }
        else if (current?.To != until)
        {
            // A new pause replaces the current one from today on, so no two pauses ever overlap.
            IReadOnlyList<DateRange> pauses = [.. EndCurrentPause(Profile.Pauses, _today), new DateRange(_today, until)];
            Profile = Profile with { Pauses = [.. pauses.TakeLast(MaxPauses)] };
            Notes.Add(T("settings.paused_until", ("date", SettingsText.Date(until))));
        }
    }

    /// <summary>Ends the pause covering today yesterday, or drops it when it starts today (nothing of it is past).</summary>
    private static IReadOnlyList<DateRange> EndCurrentPause(IReadOnlyList<DateRange> pauses, DateOnly today) =>
    [
        .. pauses
            .Where(p => !(p.Contains(today) && p.From >= today))
            .Select(p => p.Contains(today) ? p with { To = today.AddDays(-1) } : p),
    ];

    /// <summary>"Pause 1 week" and "Pause 2 weeks": lengths rather than dates, so an old button still means what it says.</summary>
    public static IReadOnlyList<ReplyButton> PauseButtons(TurnContext context) =>
    [
        ReplyButton.With(context.T("settings.button.pause_1w"), SettingsHandler.SaveAction, "pause_until", "1w"),
        ReplyButton.With(context.T("settings.button.pause_2w"), SettingsHandler.SaveAction, "pause_until", "2w"),
    ];

    private void Holidays()
    {
        if (Value("holiday_add") is { } added)
        {
            if (SettingsParser.Date(added) is not { } day)
            {
                Error(null, T("settings.error.holiday_date", ("value", added), ("example", SettingsText.Date(_today.AddDays(30)))));
            }
            else if (!Profile.Holidays.Contains(day))
            {
                var all = Profile.Holidays.Append(day).Order().ToList();
                Profile = Profile with { Holidays = [.. all.Skip(Math.Max(0, all.Count - MaxHolidays))] };
            }
        }

        if (Value("holiday_remove") is { } removed)
        {
            if (SettingsParser.Date(removed) is not { } day)
            {
                Error(null, T("settings.error.holiday_date", ("value", removed), ("example", SettingsText.Date(_today.AddDays(30)))));
            }
            else if (!Profile.Holidays.Contains(day))
            {
                Error(null, T("settings.error.holiday_missing", ("date", SettingsText.Date(day))));
            }
            else
            {
                Profile = Profile with { Holidays = [.. Profile.Holidays.Where(h => h != day)] };
            }
        }

        if (Value("holidays") is { } list)
        {
            var days = new SortedSet<DateOnly>();
            foreach (var part in list.Split([',', ' ', '、', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (SettingsParser.Date(part) is { } day)
                {
                    days.Add(day);
                }
                else
                {
                    Error("holidays", T("settings.error.holiday_date", ("value", part), ("example", SettingsText.Date(_today.AddDays(30)))));
                    return;
                }
            }

            if (days.Count > MaxHolidays)
            {
                Error("holidays", T("settings.error.holidays_too_many", ("count", days.Count), ("max", MaxHolidays)));
                return;
            }

            if (!days.SequenceEqual(Profile.Holidays.Order()))
            {
                Profile = Profile with { Holidays = [.. days] };
            }
        }
    }
}
