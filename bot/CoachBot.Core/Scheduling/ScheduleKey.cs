namespace CoachBot.Core.Scheduling;

/// <summary>
/// Names one schedule: its owner (what it belongs to, e.g. <c>user|slack|T1|U1</c>, <c>pairing|p-42</c>,
/// <c>channel|local|local|team-a</c>) and its name within the owner (<c>nudge</c>, <c>report</c>, <c>reflection</c>).
/// A schedule has at most one due row at a time.
/// </summary>
public sealed record ScheduleKey(string Owner, string Name)
{
    /// <summary>The owner of a user's own schedules.</summary>
    public static string UserOwner(Users.UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return "user|" + user.Key;
    }

    /// <summary>The owner of a pairing's two schedules.</summary>
    public static string PairingOwner(string pairingId) => "pairing|" + pairingId;

    /// <summary>The owner of a channel's reflection schedule.</summary>
    public static string ChannelOwner(Reflections.TeamChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return "channel|" + channel.Key;
    }

    public override string ToString() => Owner + "#" + Name;
}
