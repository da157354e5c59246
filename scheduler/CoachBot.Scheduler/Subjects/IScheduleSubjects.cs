using CoachBot.Core.Scheduling;

namespace CoachBot.Scheduler.Subjects;

/// <summary>Loads the subjects of one family of schedules (a user's own, a pairing's, a channel's).</summary>
public interface IScheduleSubjects
{
    /// <summary>True when schedules of <paramref name="owner"/> belong to this family.</summary>
    bool Owns(string owner);

    /// <summary>The subject as stored now, or null when it is gone (user forgotten, pairing deleted).</summary>
    Task<ScheduleSubject?> LoadAsync(ScheduleKey key, CancellationToken cancellationToken);
}
