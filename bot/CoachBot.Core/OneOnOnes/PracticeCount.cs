namespace CoachBot.Core.OneOnOnes;

/// <summary>How often the report practised one action lately (shown only when the report shares it).</summary>
public sealed record PracticeCount(string ActionId, int Count);
