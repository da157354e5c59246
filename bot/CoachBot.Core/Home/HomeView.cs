using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Home;

/// <summary>What the dashboard shows, read by <see cref="HomeDashboard"/> and rendered by <see cref="HomeText"/>.</summary>
/// <param name="Streak">Current and best streak.</param>
/// <param name="Step">Today's step.</param>
/// <param name="StepDone">True when today's step was practised today already.</param>
/// <param name="Skipped">True when the user skipped today.</param>
/// <param name="Meeting">The soonest coming 1-on-1; null when none is scheduled.</param>
/// <param name="ActionItems">The user's own open action items, most urgent first (all of them; the text shows a few).</param>
/// <param name="ChartUrl">A link to the progress chart; null when none can be made.</param>
internal sealed record HomeView(
    Streak Streak,
    MicroStep Step,
    bool StepDone,
    bool Skipped,
    HomeMeeting? Meeting,
    IReadOnlyList<HomeActionItem> ActionItems,
    string? ChartUrl)
{
    /// <summary>The team health of a lead (someone with reports or a reflection they run); null for everyone else.</summary>
    public Health.TeamHealthReport? TeamHealth { get; init; }
}

/// <summary>The next meeting of a pairing: when it starts (UTC) and its agenda.</summary>
internal sealed record HomeMeeting(Pairing Pairing, DateTimeOffset Start, Agenda? Agenda);

/// <summary>An open action item, its pairing and the other person of that pairing.</summary>
internal sealed record HomeActionItem(ActionItem Item, Pairing Pairing, UserRef With);
