using System.Text.Json;
using CoachBot.Core.Health;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// Team-health chart links as <c>/charts/health/{payload}.{signature}.png</c>, signed like progress charts: the payload
/// names the lead, the language, the indicator and the expiry, and carries a kind so a progress token never opens here.
/// The chart is computed for the lead named in the link when fetched, with the same privacy rules as <c>team health</c>.
/// </summary>
public sealed class SignedTeamHealthChartLinks : ITeamHealthChartLinks
{
    public const string RoutePrefix = "/charts/health/";

    private const string Kind = "health";

    private readonly UrlTokenSigner _signer;
    private readonly TimeProvider _time;
    private readonly string _baseUrl;

    public SignedTeamHealthChartLinks(ChartSigningKey key, TimeProvider time, IOptions<ChartsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        _signer = new UrlTokenSigner(key.All);
        _time = time;
        _baseUrl = options.Value.PublicBaseUrl?.Trim().TrimEnd('/') ?? string.Empty;
    }

    public string CreateUrl(UserRef lead, string language, string indicatorId) => $"{_baseUrl}{RoutePrefix}{CreateToken(lead, language, indicatorId)}.png";

    /// <summary>The token part of a link, valid for <see cref="ChartsOptions.LinkLifetime"/> from now.</summary>
    public string CreateToken(UserRef lead, string language, string indicatorId)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var expires = _time.GetUtcNow() + ChartsOptions.LinkLifetime;
        return _signer.Seal(JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(Kind, lead.Channel, lead.TenantId, lead.UserId, language, indicatorId, expires.ToUnixTimeSeconds())));
    }

    /// <summary>The lead, language and indicator of a valid, unexpired team-health token; otherwise null.</summary>
    public (ChartTicket Ticket, string IndicatorId)? Read(string token)
    {
        var data = _signer.OpenJson<TokenPayload>(token);
        if (data is null || data.K != Kind || data.C is null || data.T is null || data.U is null || data.L is null || data.I is null
            || !HealthIndicatorIds.All.Contains(data.I))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(data.E);
        return _time.GetUtcNow() >= expires ? null : (new ChartTicket(new UserRef(data.C, data.T, data.U), data.L, expires), data.I);
    }

    private sealed record TokenPayload(string? K, string? C, string? T, string? U, string? L, string? I, long E);
}
