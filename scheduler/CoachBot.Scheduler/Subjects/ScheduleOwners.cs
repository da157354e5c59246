using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Subjects;

/// <summary>Reads the subject back out of an owner string (the inverse of the <c>ScheduleKey.*Owner</c> helpers).</summary>
public static class ScheduleOwners
{
    /// <summary><c>user|slack|T1|U1</c> to the user; null for another owner.</summary>
    public static UserRef? User(string owner) =>
        Parts(owner, "user|") is [var channel, var tenant, var id] ? new UserRef(channel, tenant, id) : null;

    /// <summary><c>pairing|p-1</c> to the pairing id; null for another owner.</summary>
    public static string? Pairing(string owner) =>
        owner.StartsWith("pairing|", StringComparison.Ordinal) ? owner["pairing|".Length..] : null;

    /// <summary><c>channel|local|local|team-a</c> to the channel; null for another owner.</summary>
    public static TeamChannel? Channel(string owner) =>
        Parts(owner, "channel|") is [var channel, var tenant, var id] ? new TeamChannel(channel, tenant, id) : null;

    // Platform and tenant never contain '|'; whatever follows the second one is the id, whole.
    private static string[]? Parts(string owner, string prefix) =>
        owner.StartsWith(prefix, StringComparison.Ordinal) ? owner[prefix.Length..].Split('|', 3) : null;
}
