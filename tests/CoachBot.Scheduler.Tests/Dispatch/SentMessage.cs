using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Tests.Dispatch;

/// <summary>A message that reached the local channel, with the fake clock's time.</summary>
public sealed record SentMessage(DateTimeOffset At, UserRef User, Reply Reply);
