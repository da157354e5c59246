using CoachBot.Core.Habits;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests;

/// <summary>Chart links that show who and which language they were made for.</summary>
internal sealed class TestChartLinks : IProgressChartLinks
{
    public string CreateUrl(UserRef user, string language) => $"https://charts.test/{user.UserId}/{language}.png";
}

/// <summary>Team-health chart links that show the lead, language and indicator they were made for.</summary>
internal sealed class TestHealthChartLinks : Core.Health.ITeamHealthChartLinks
{
    public string CreateUrl(UserRef lead, string language, string indicatorId) => $"https://charts.test/health/{lead.UserId}/{language}/{indicatorId}.png";
}

/// <summary>Missions chart links that show who and which language they were made for.</summary>
internal sealed class TestMissionChartLinks : Core.Missions.IMissionChartLinks
{
    public string CreateUrl(UserRef user, string language) => $"https://charts.test/missions/{user.UserId}/{language}.png";
}
