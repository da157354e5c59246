using CoachBot.Core.Health;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// Team-health chart links as <c>/charts/health/{payload}.{signature}.png</c>, signed like progress charts
/// (<see cref="ChartLinkTokens"/>): the payload names the lead, the language, the indicator and the expiry, and carries
/// a kind so a progress token never opens here. The chart is computed for the lead named in the link when fetched,
/// with the same privacy rules as <c>team health</c>.
/// </summary>
public sealed class SignedTeamHealthChartLinks : ITeamHealthChartLinks
{
    public const string RoutePrefix = "/charts/health/";

    private const string Kind = "health";

    private readonly ChartLinkTokens _tokens;

    public SignedTeamHealthChartLinks(ChartSigningKey key, TimeProvider time, IOptions<ChartsOptions> options) =>
        _tokens = new ChartLinkTokens(key, time, options);

    public string CreateUrl(UserRef lead, string language, string indicatorId) => _tokens.Url(RoutePrefix, CreateToken(lead, language, indicatorId));

    /// <summary>The token part of a link, valid for <see cref="ChartsOptions.LinkLifetime"/> from now.</summary>
    public string CreateToken(UserRef lead, string language, string indicatorId) => _tokens.Create(Kind, lead, language, indicatorId);

    /// <summary>The lead, language and indicator of a valid, unexpired team-health token; otherwise null.</summary>
    public (ChartTicket Ticket, string IndicatorId)? Read(string token) =>
        _tokens.Read(token, Kind) is ({ } ticket, { } indicator) && HealthIndicatorIds.All.Contains(indicator) ? (ticket, indicator) : null;
}
