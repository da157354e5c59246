using System.Security.Cryptography;
using System.Text.Json;
using CoachBot.Core.Privacy;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Exports;

/// <summary>
/// Export links as <c>/exports/{token}</c>. The token's payload names the user, the language and the expiry, and is
/// encrypted (AES-CBC, random IV) before it is signed by the shared <see cref="UrlTokenSigner"/> (encrypt-then-MAC):
/// the URL carries no readable user id, nothing is stored, and any replica with the same key can serve the file.
/// Both keys are derived from <c>Charts:SigningKey</c> for this purpose only.
/// </summary>
public sealed class SignedExportLinks : IExportLinks
{
    public const string RoutePrefix = "/exports/";

    private const int IvBytes = 16;

    private readonly UrlTokenSigner _signer;
    private readonly IReadOnlyList<byte[]> _encryptionKeys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly string _baseUrl;

    public SignedExportLinks(ChartSigningKey key, TimeProvider time, IOptions<ChartsOptions> charts, IOptions<ExportsOptions> exports)
    {
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(exports);
        _signer = UrlTokenSigner.ForPurpose(key, "export-link-signature");
        _encryptionKeys = UrlTokenSigner.DeriveKeys(key, "export-link-encryption");
        _time = time;
        _lifetime = exports.Value.LinkLifetime;
        _baseUrl = charts.Value.PublicBaseUrl?.Trim().TrimEnd('/') ?? string.Empty;
    }

    /// <summary>
    /// Null without <c>Charts:PublicBaseUrl</c>: a relative link means nothing to a chat client, and saying so beats
    /// a button that leads nowhere.
    /// </summary>
    public ExportLink? TryCreate(UserRef user, string language) =>
        _baseUrl.Length == 0 ? null : new ExportLink($"{_baseUrl}{RoutePrefix}{CreateToken(user, language)}", _lifetime);

    /// <summary>The token part of a link, valid for <see cref="ExportsOptions.LinkLifetimeMinutes"/> from now.</summary>
    public string CreateToken(UserRef user, string language)
    {
        ArgumentNullException.ThrowIfNull(user);
        var expires = _time.GetUtcNow() + _lifetime;
        var json = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(user.Channel, user.TenantId, user.UserId, language, expires.ToUnixTimeSeconds()));
        using var aes = Aes.Create();
        aes.Key = _encryptionKeys[0];
        var iv = RandomNumberGenerator.GetBytes(IvBytes);
        return _signer.Seal([.. iv, .. aes.EncryptCbc(json, iv)]);
    }

    /// <summary>
    /// The ticket of a genuine token, expired or not (the endpoint answers an expired one with 410 and the way to
    /// get a new one); null for anything forged, altered or malformed.
    /// </summary>
    public ExportTicket? Read(string token)
    {
        // The encryption key that belongs to the signing key that verified the token (the previous one in a rotation).
        if (_signer.Open(token, out var keyIndex) is not { Length: > IvBytes } sealedPayload)
        {
            return null;
        }

        TokenPayload? data;
        try
        {
            using var aes = Aes.Create();
            aes.Key = _encryptionKeys[keyIndex];
            data = JsonSerializer.Deserialize<TokenPayload>(aes.DecryptCbc(sealedPayload.AsSpan(IvBytes), sealedPayload.AsSpan(0, IvBytes)));
        }
        catch (Exception ex) when (ex is JsonException or CryptographicException)
        {
            return null;
        }

        return data is { C: not null, T: not null, U: not null, L: not null }
            ? new ExportTicket(new UserRef(data.C, data.T, data.U), data.L, DateTimeOffset.FromUnixTimeSeconds(data.E))
            : null;
    }

    /// <summary>True when <paramref name="ticket"/> has run out.</summary>
    public bool IsExpired(ExportTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return _time.GetUtcNow() >= ticket.ExpiresAt;
    }

    /// <summary>Short property names keep the URL short (Teams user ids are long already).</summary>
    private sealed record TokenPayload(string? C, string? T, string? U, string? L, long E);
}
