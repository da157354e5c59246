using CoachBot.Core.Users;

namespace CoachBot.Core.Missions;

/// <summary>
/// Makes links to a user's missions chart (a PNG the host draws: per mission, steps done out of the steps for the
/// user's role). The host implements it with signed, expiring URLs like the progress chart; without an implementation
/// the <c>missions</c> overview has no picture.
/// </summary>
public interface IMissionChartLinks
{
    /// <summary>
    /// A URL that shows <paramref name="user"/>'s missions chart with labels in <paramref name="language"/>. It is
    /// unguessable and expires; the chart is drawn when the URL is fetched, from what the stores hold then.
    /// </summary>
    string CreateUrl(UserRef user, string language);
}
