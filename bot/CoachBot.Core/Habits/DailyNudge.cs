using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.Habits;

/// <summary>The day's nudge for one user, built by <see cref="DailyStepService.BuildNudgeAsync"/>.</summary>
/// <param name="Reply">What to send: the step with Done / Skip / Snooze 2h / Another one.</param>
/// <param name="Step">The micro-step chosen for the day.</param>
/// <param name="Profile">The profile with the day's step remembered (and yesterday's skip, declines and step
/// forgotten). Not saved: the caller saves it once the nudge is sent, so <c>today</c> and <c>done</c> agree with it.</param>
public sealed record DailyNudge(Reply Reply, MicroStep Step, UserProfile Profile);
