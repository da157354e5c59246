using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing;

/// <summary>
/// A lead and their reports written straight into a host's real stores, for <c>team health</c> tests over an edge:
/// the lead onboarded in a language, one weekly pairing per report accepted before the twelve weeks shown, and one
/// practice per report per week.
/// </summary>
public static class TeamHealthSeed
{
    /// <summary>Seeds the team and returns how many practices the reports logged over the weeks shown.</summary>
    public static async Task<int> SeedAsync(IServiceProvider services, UserRef lead, IReadOnlyList<UserRef> reports, string language)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(reports);
        var none = CancellationToken.None;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var accepted = now.AddDays(-7 * (TeamHealthService.Weeks + 2));
        await services.GetRequiredService<IUserStore>().SaveAsync(
            new UserProfile { User = lead, Role = "manager", CareerPath = "internal", Onboarding = OnboardingStep.Complete, Language = language }, none);

        var pairings = services.GetRequiredService<IOneOnOneStore>();
        var progress = services.GetRequiredService<IProgressStore>();
        var mondays = TeamHealthService.WeekMondays(DateOnly.FromDateTime(now.UtcDateTime));
        foreach (var report in reports)
        {
            await pairings.SavePairingAsync(
                new Pairing("p-" + report.UserId, lead, report, Cadence.Weekly, DayOfWeek.Wednesday, new TimeOnly(10, 0), "UTC", DateOnly.FromDateTime(accepted.UtcDateTime), PairingState.Active)
                {
                    CreatedAt = accepted,
                    AcceptedAt = accepted,
                    UpdatedAt = accepted,
                },
                none);
            foreach (var monday in mondays)
            {
                await progress.AddAsync(new PracticeEntry(report, $"p-{monday:yyyyMMdd}", monday.AddDays(2), "management", null, null, now), none);
            }
        }

        return reports.Count * mondays.Count;
    }
}
