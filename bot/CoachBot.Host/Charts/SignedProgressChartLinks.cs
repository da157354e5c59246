using System.Text.Json;
using CoachBot.Core.Habits;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// Chart links as <c>/charts/progress/{payload}.{signature}.png</c>: the payload (base64url JSON) names the user,
/// the language and the expiry; the signature is HMAC-SHA256 over the payload text. Nothing is stored, so any
/// replica with the same key can serve a link, and a link cannot be widened to another user without the key.
/// </summary>
public sealed class SignedProgressChartLinks : IProgressChartLinks
{
    public const string RoutePrefix = "/charts/progress/";

    private readonly UrlTokenSigner _signer;
    private readonly TimeProvider _time;
    private readonly string _baseUrl;

    public SignedProgressChartLinks(ChartSigningKey key, TimeProvider time, IOptions<ChartsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);

        // The configured keys as they are (not derived): chart links made before export links existed keep working.
        _signer = new UrlTokenSigner(key.All);
        _time = time;
        _baseUrl = options.Value.PublicBaseUrl?.Trim().TrimEnd('/') ?? string.Empty;
    }

    public string CreateUrl(UserRef user, string language) => $"{_baseUrl}{RoutePrefix}{CreateToken(user, language)}.png";

    /// <summary>The token part of a link, valid for <see cref="ChartsOptions.LinkLifetime"/> from now.</summary>
    public string CreateToken(UserRef user, string language)
    {
        ArgumentNullException.ThrowIfNull(user);
        var expires = _time.GetUtcNow() + ChartsOptions.LinkLifetime;
        return _signer.Seal(JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(user.Channel, user.TenantId, user.UserId, language, expires.ToUnixTimeSeconds())));
    }

    /// <summary>The ticket of a token whose signature is right and that has not expired; otherwise null.</summary>
    public ChartTicket? Read(string token)
    {
        var data = _signer.OpenJson<TokenPayload>(token);
        // K is set only by other kinds of chart link signed with the same key (team health): never a progress chart.
        if (data is null || data.K is not null || data.C is null || data.T is null || data.U is null || data.L is null)
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(data.E);
        return _time.GetUtcNow() >= expires ? null : new ChartTicket(new UserRef(data.C, data.T, data.U), data.L, expires);
    }

    /// <summary>Short property names keep the URL short (Teams user ids are long already).</summary>
    private sealed record TokenPayload(string? C, string? T, string? U, string? L, long E)
    {
        /// <summary>The kind of another chart link (e.g. <c>health</c>); progress links never write it.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? K { get; init; }
    }
}
