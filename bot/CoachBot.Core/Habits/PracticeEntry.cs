using CoachBot.Core.Users;

namespace CoachBot.Core.Habits;

/// <summary>One practice of a "start today" action.</summary>
/// <param name="User">Who practised.</param>
/// <param name="Id">Unique per user; derived from the incoming message id where there is one, so a retry of the same
/// message records nothing twice.</param>
/// <param name="LocalDate">The date in the user's time zone when it was recorded.</param>
/// <param name="ActionId">One of the five action ids.</param>
/// <param name="StepId">The micro-step, when the practice was a suggested step.</param>
/// <param name="Note">What happened or what was learned (optional).</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
public sealed record PracticeEntry(
    UserRef User, string Id, DateOnly LocalDate, string ActionId, string? StepId, string? Note, DateTimeOffset RecordedAt);
