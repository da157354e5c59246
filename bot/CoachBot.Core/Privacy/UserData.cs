using CoachBot.Core.Habits;
using CoachBot.Core.Installations;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;

namespace CoachBot.Core.Privacy;

/// <summary>Every record CoachBot keeps about one user, as read from the stores (what `export` sends).</summary>
/// <param name="User">Whose data.</param>
/// <param name="Profile">Profile and settings; null when none is stored.</param>
/// <param name="Practice">The whole practice log, oldest first.</param>
/// <param name="SkillAssessments">Monthly skill self-assessments, oldest month first.</param>
/// <param name="TalkingPoints">Talking points for 1-on-1s, oldest first.</param>
/// <param name="ConversationReference">Where proactive messages go; null when none is stored.</param>
public sealed record UserData(
    UserRef User,
    UserProfile? Profile,
    IReadOnlyList<PracticeEntry> Practice,
    IReadOnlyList<SkillAssessment> SkillAssessments,
    IReadOnlyList<TalkingPoint> TalkingPoints,
    ConversationReference? ConversationReference)
{
    /// <summary>The 1-on-1 pairings the user is part of.</summary>
    public IReadOnlyList<Pairing> Pairings { get; init; } = [];

    /// <summary>Notes of those pairings the user may read: shared ones and their own private ones.</summary>
    public IReadOnlyList<MeetingNote> MeetingNotes { get; init; } = [];

    /// <summary>Action items of those pairings.</summary>
    public IReadOnlyList<ActionItem> ActionItems { get; init; } = [];

    /// <summary>The user's own weekly reflection answers, oldest week first.</summary>
    public IReadOnlyList<ReflectionAnswer> ReflectionAnswers { get; init; } = [];

    /// <summary>The team channels the user is recorded in.</summary>
    public IReadOnlyList<TeamChannel> ReflectionChannels { get; init; } = [];

    /// <summary>The team reflections the user set up as lead.</summary>
    public IReadOnlyList<TeamReflection> ReflectionsLed { get; init; } = [];

    /// <summary>When the user's private calendar feed was made (<c>1on1 calendar</c>); null when they have none.</summary>
    public DateTimeOffset? CalendarFeedSince { get; init; }

    /// <summary>True when no store holds anything about the user.</summary>
    public bool IsEmpty =>
        Profile is null && Practice.Count == 0 && SkillAssessments.Count == 0 && TalkingPoints.Count == 0 && ConversationReference is null
        && Pairings.Count == 0 && MeetingNotes.Count == 0 && ActionItems.Count == 0
        && ReflectionAnswers.Count == 0 && ReflectionChannels.Count == 0 && ReflectionsLed.Count == 0 && CalendarFeedSince is null;
}
