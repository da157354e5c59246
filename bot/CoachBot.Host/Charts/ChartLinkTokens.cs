using System.Text.Json;
using System.Text.Json.Serialization;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// What every kind of chart link shares: a token <c>{payload}.{signature}</c> signed with the configured chart keys
/// (<see cref="UrlTokenSigner"/>), whose payload (base64url JSON) names the kind of chart, the user, the language, an
/// optional item (such as a team-health indicator) and the expiry, and a URL <c>{PublicBaseUrl}{route}{token}.png</c>.
/// Nothing is stored, so any replica with the same key serves a link, and a link cannot be widened to another user or
/// turned into another kind of chart without the key: each kind reads only tokens that carry its own kind.
/// </summary>
public sealed class ChartLinkTokens
{
    private readonly UrlTokenSigner _signer;
    private readonly TimeProvider _time;
    private readonly string _baseUrl;

    public ChartLinkTokens(ChartSigningKey key, TimeProvider time, IOptions<ChartsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);

        // The configured keys as they are (not derived): chart links made before export links existed keep working.
        _signer = new UrlTokenSigner(key.All);
        _time = time;
        _baseUrl = options.Value.PublicBaseUrl?.Trim().TrimEnd('/') ?? string.Empty;
    }

    /// <summary>The link to the PNG of <paramref name="token"/> under <paramref name="routePrefix"/>.</summary>
    public string Url(string routePrefix, string token) => $"{_baseUrl}{routePrefix}{token}.png";

    /// <summary>
    /// A token for <paramref name="user"/>'s chart of kind <paramref name="kind"/> (null only for progress charts,
    /// whose links predate kinds), valid for <see cref="ChartsOptions.LinkLifetime"/> from now.
    /// </summary>
    public string Create(string? kind, UserRef user, string language, string? item = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var expires = _time.GetUtcNow() + ChartsOptions.LinkLifetime;
        return _signer.Seal(JsonSerializer.SerializeToUtf8Bytes(new Payload(kind, user.Channel, user.TenantId, user.UserId, language, item, expires.ToUnixTimeSeconds())));
    }

    /// <summary>
    /// The ticket and item of a token whose signature is right, whose kind is <paramref name="kind"/> and that has not
    /// expired; otherwise null. Every failure looks the same.
    /// </summary>
    public (ChartTicket Ticket, string? Item)? Read(string token, string? kind)
    {
        var data = _signer.OpenJson<Payload>(token);
        if (data is null || data.K != kind || data.C is null || data.T is null || data.U is null || data.L is null)
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(data.E);
        return _time.GetUtcNow() >= expires ? null : (new ChartTicket(new UserRef(data.C, data.T, data.U), data.L, expires), data.I);
    }

    /// <summary>
    /// Short property names keep the URL short (Teams user ids are long already). K and I are left out when null, so a
    /// progress token is the same JSON as before kinds existed.
    /// </summary>
    private sealed record Payload(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? K,
        string? C,
        string? T,
        string? U,
        string? L,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? I,
        long E);
}
