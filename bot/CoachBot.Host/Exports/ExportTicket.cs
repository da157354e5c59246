using CoachBot.Core.Users;

namespace CoachBot.Host.Exports;

/// <summary>What a genuine export link names: whose file, the language of its messages, and when it stops working.</summary>
public sealed record ExportTicket(UserRef User, string Language, DateTimeOffset ExpiresAt);
