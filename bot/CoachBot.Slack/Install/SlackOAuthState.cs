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

    private readonly IReadOnlyList<byte[]> _keys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public SlackOAuthState(SlackTokenProtector protector, IOptions<SlackInstallOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(options);
        _keys = protector.DeriveStateSigningKeys();
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

        // Every configured key is tried: during a key rotation another replica may still sign with the previous one.
        Span<byte> expected = stackalloc byte[MacSize];
        var signed = false;
        foreach (var key in _keys.Count == 0 ? [Key()] : _keys)
        {
            HMACSHA256.HashData(key, raw.AsSpan(0, NonceSize + ExpirySize), expected);
            signed |= CryptographicOperations.FixedTimeEquals(expected, raw.AsSpan(NonceSize + ExpirySize));
        }

        if (!signed)
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

    private byte[] Key() => _keys.Count > 0 ? _keys[0] : throw new InvalidOperationException(
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
