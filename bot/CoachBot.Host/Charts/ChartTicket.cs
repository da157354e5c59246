using CoachBot.Core.Users;

namespace CoachBot.Host.Charts;

/// <summary>What a verified chart link grants: one user's chart, in one language, until it expires.</summary>
public sealed record ChartTicket(UserRef User, string Language, DateTimeOffset ExpiresAt);
