using CoachBot.Core.Scheduling;

namespace CoachBot.Testing.Contracts;

/// <summary>Helpers of the <see cref="IDueIndex"/> contract: reading every due row, and the occurrences and keys it uses.</summary>
public abstract partial class DueIndexContract
{
    /// <summary>The due rows of every shard from one minute to another, oldest first.</summary>
    protected static async Task<IReadOnlyList<DueItem>> AllDueAsync(IDueIndex index, DateTimeOffset fromMinute, DateTimeOffset toMinute)
    {
        ArgumentNullException.ThrowIfNull(index);
        var rows = new List<DueItem>();
        for (var shard = 0; shard < index.ShardCount; shard++)
        {
            rows.AddRange(await index.FindDueAsync(shard, fromMinute, toMinute, 1000, None));
        }

        return [.. rows.OrderBy(r => r.Occurrence.DueAt)];
    }

    private static Occurrence At(DateTimeOffset due, string id) => new(ScheduleKinds.HabitNudge, id, due, due.AddHours(2));

    private static ScheduleKey NewKey() => new(ScheduleKey.UserOwner(TestUsers.New()), ScheduleKinds.HabitNudge);
}
