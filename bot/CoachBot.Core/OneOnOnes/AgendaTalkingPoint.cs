namespace CoachBot.Core.OneOnOnes;

/// <summary>A talking point on an agenda and whose it is.</summary>
/// <param name="Point">The talking point.</param>
/// <param name="ByManager">True when the manager added it, false for the report.</param>
public sealed record AgendaTalkingPoint(TalkingPoint Point, bool ByManager);
