using CoachBot.Core.Conversation;

namespace CoachBot.Host.Local;

/// <summary>A message pushed to a local user.</summary>
public sealed record LocalInboxMessage(DateTimeOffset At, Reply Reply);
