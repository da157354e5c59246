using CoachBot.Core.Reflections;

namespace CoachBot.Core.Scheduling;

/// <summary>
/// A channel's weekly reflection: the round opens at the lead's day and time, members who have not answered are
/// reminded a day before it closes, and it closes after <see cref="ReflectionSchedule.AnswerWindow"/> with the summary.
/// </summary>
public sealed class ReflectionSchedules
{
    /// <summary>The name of a channel's one schedule.</summary>
    public const string Name = "reflection";

    private readonly ScheduleRules _rules;

    public ReflectionSchedules(ScheduleRules rules) => _rules = rules;

    /// <summary>
    /// The first open, reminder or close due strictly after <paramref name="after"/>. When the reflection is off, only
    /// the close of a round that may still be open (so its summary is not lost), then nothing.
    /// </summary>
    public Occurrence? Next(TeamReflection reflection, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(reflection);

        // Start a full window back, so a round that opened before `after` still yields its reminder and close.
        var open = ReflectionSchedule.NextOpenUtc(reflection, after - ReflectionSchedule.AnswerWindow - TimeSpan.FromMinutes(1));
        for (var round = 0; round < 3; round++, open = ReflectionSchedule.NextOpenUtc(reflection, open))
        {
            var week = ReflectionSchedule.WeekOf(open, reflection.TimeZoneId);
            var close = open + ReflectionSchedule.AnswerWindow;
            var remind = close - _rules.ReflectionReminderBeforeClose;
            Occurrence[] events =
            [
                new(ScheduleKinds.ReflectionOpen, week, open, Min(open + _rules.NudgeGrace, remind)),
                new(ScheduleKinds.ReflectionReminder, week, remind, Min(remind + _rules.NudgeGrace, close)),
                new(ScheduleKinds.ReflectionClose, week, close, close + _rules.SummaryGrace),
            ];
            if (events.FirstOrDefault(e => e.DueAt > after && (reflection.Enabled || (e.Kind == ScheduleKinds.ReflectionClose && open <= after))) is { } next)
            {
                return next;
            }

            if (!reflection.Enabled && open > after)
            {
                return null;
            }
        }

        return null;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
