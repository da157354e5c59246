using CoachBot.Core.Users;

namespace CoachBot.Core.Habits;

/// <summary>
/// Makes links to a user's progress chart (a PNG the host renders). The host implements it with signed, expiring
/// URLs (docs/decisions/0008-progress-charts.md); the core only puts the link into the <c>progress</c> reply.
/// </summary>
public interface IProgressChartLinks
{
    /// <summary>
    /// A URL that shows <paramref name="user"/>'s progress chart with labels in <paramref name="language"/>. It is
    /// unguessable and expires; the chart is drawn when the URL is fetched, from what the stores hold then.
    /// </summary>
    string CreateUrl(UserRef user, string language);
}
