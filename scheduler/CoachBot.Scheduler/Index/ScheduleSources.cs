using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Index;

/// <summary>
/// The stores as they were before the scheduler wrapped them: what the scheduler reads and writes itself, so its own
/// writes (today's step after a nudge) do not go round through rescheduling again.
/// </summary>
public sealed record ScheduleSources(IUserStore Users, IOneOnOneStore OneOnOnes, IReflectionStore Reflections);
