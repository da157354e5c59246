using CoachBot.Core.Habits;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Node;

/// <summary>The replica serves no charts; a scheduled reply that mentions one gets a placeholder link.</summary>
public sealed class NoProgressChartLinks : IProgressChartLinks
{
    public string CreateUrl(UserRef user, string language) => "http://127.0.0.1/no-charts-on-this-replica";
}
