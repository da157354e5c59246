using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>Something a person wants to raise at their next 1-on-1.</summary>
/// <param name="User">Whose talking point.</param>
/// <param name="Id">Unique per user.</param>
/// <param name="Text">What to talk about.</param>
/// <param name="Source">Where it came from, e.g. <c>reading:high-output-management</c>; null when typed.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
public sealed record TalkingPoint(UserRef User, string Id, string Text, string? Source, DateTimeOffset CreatedAt);
