using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Install;

/// <summary>
/// The OAuth <c>state</c>: base64url(16-byte browser nonce | 8-byte expiry in Unix seconds | HMAC-SHA256 of both),
/// keyed with a key derived from <see cref="SlackInstallOptions.TokenEncryptionKey"/>. The nonce also goes into a
/// cookie, so a state only verifies in the browser that started the install, until it expires.
/// </summary>
public sealed class SlackOAuthState
{
    private const int NonceSize = 16;
    private const int ExpirySize = 8;
    private const int MacSize = 32;

    private readonly byte[]? _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public SlackOAuthState(SlackTokenProtector protector, IOptions<SlackInstallOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(options);
        _key = protector.DeriveStateSigningKey();
        _time = time;
        _lifetime = options.Value.StateLifetime;
    }

    /// <summary>How long an issued state stays valid.</summary>
    public TimeSpan Lifetime => _lifetime;

    /// <summary>A new state for the authorize URL and the nonce for the browser cookie.</summary>
    public (string State, string Cookie) Issue()
    {
        var key = Key();
        var raw = new byte[NonceSize + ExpirySize + MacSize];
        RandomNumberGenerator.Fill(raw.AsSpan(0, NonceSize));
        BinaryPrimitives.WriteInt64BigEndian(raw.AsSpan(NonceSize, ExpirySize), (_time.GetUtcNow() + _lifetime).ToUnixTimeSeconds());
        HMACSHA256.HashData(key, raw.AsSpan(0, NonceSize + ExpirySize), raw.AsSpan(NonceSize + ExpirySize));
        return (WebEncoders.Base64UrlEncode(raw), WebEncoders.Base64UrlEncode(raw, 0, NonceSize));
    }

    /// <summary>Checks the state from the callback against the browser's cookie; returns why it failed, or null when it is good.</summary>
    public string? Verify(string? state, string? cookie)
    {
        if (string.IsNullOrEmpty(state))
        {
            return "the callback has no state";
        }

        if (!TryDecode(state, out var raw) || raw.Length != NonceSize + ExpirySize + MacSize)
        {
            return "the state is malformed";
        }

        Span<byte> expected = stackalloc byte[MacSize];
        HMACSHA256.HashData(Key(), raw.AsSpan(0, NonceSize + ExpirySize), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, raw.AsSpan(NonceSize + ExpirySize)))
        {
            return "the state signature does not match";
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(raw.AsSpan(NonceSize, ExpirySize)));
        if (_time.GetUtcNow() >= expiresAt)
        {
            return "the state has expired";
        }

        if (string.IsNullOrEmpty(cookie) || !TryDecode(cookie, out var nonce)
            || !CryptographicOperations.FixedTimeEquals(nonce, raw.AsSpan(0, NonceSize)))
        {
            return "the state was issued to another browser (no matching cookie)";
        }

        return null;
    }

    private byte[] Key() => _key ?? throw new InvalidOperationException(
        "The Slack install flow needs Slack:TokenEncryptionKey to sign its state. " + SlackInstallOptionsValidator.HowToCreateKey);

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
