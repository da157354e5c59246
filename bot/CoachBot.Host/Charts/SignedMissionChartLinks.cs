using CoachBot.Core.Missions;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// Missions chart links as <c>/charts/missions/{payload}.{signature}.png</c>, signed like the other charts
/// (<see cref="ChartLinkTokens"/>): the payload names the user, the language, the expiry and the kind
/// <c>missions</c>, so neither a progress nor a team-health token opens here, nor a missions token there. The chart is
/// drawn for the user named in the link from what the stores hold when it is fetched.
/// </summary>
public sealed class SignedMissionChartLinks : IMissionChartLinks
{
    public const string RoutePrefix = "/charts/missions/";

    private const string Kind = "missions";

    private readonly ChartLinkTokens _tokens;

    public SignedMissionChartLinks(ChartSigningKey key, TimeProvider time, IOptions<ChartsOptions> options) =>
        _tokens = new ChartLinkTokens(key, time, options);

    public string CreateUrl(UserRef user, string language) => _tokens.Url(RoutePrefix, CreateToken(user, language));

    /// <summary>The token part of a link, valid for <see cref="ChartsOptions.LinkLifetime"/> from now.</summary>
    public string CreateToken(UserRef user, string language) => _tokens.Create(Kind, user, language);

    /// <summary>The ticket of a valid, unexpired missions token; otherwise null.</summary>
    public ChartTicket? Read(string token) => _tokens.Read(token, Kind)?.Ticket;
}
