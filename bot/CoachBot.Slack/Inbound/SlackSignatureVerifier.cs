using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Checks Slack's request signature: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the
/// signing secret, compared in constant time, with the timestamp no more than five minutes from now either way.
/// </summary>
public sealed class SlackSignatureVerifier
{
    /// <summary>The largest accepted difference between Slack's timestamp and our clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string Version = "v0";

    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly TimeProvider _time;

    public SlackSignatureVerifier(IOptionsMonitor<SlackOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Checks one request. <paramref name="body"/> must be the raw bytes as received.</summary>
    public SlackSignatureCheck Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        var secret = _options.CurrentValue.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return SlackSignatureCheck.NoSecret;
        }

        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return SlackSignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SlackSignatureCheck.StaleTimestamp;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > MaxClockSkew)
        {
            return SlackSignatureCheck.StaleTimestamp;
        }

        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal))
        {
            return SlackSignatureCheck.BadSignature;
        }

        var expected = Compute(secret, timestamp, body);
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackSignatureCheck.Valid : SlackSignatureCheck.BadSignature;
    }

    /// <summary>The signature header value Slack would send for this body (tests and benchmarks sign with it).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Encoding.ASCII.GetString(Compute(secret, timestamp, body));

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return Encoding.ASCII.GetBytes(Version + "=" + Convert.ToHexStringLower(mac));
    }
}

/// <summary>The outcome of a signature check.</summary>
public enum SlackSignatureCheck
{
    Valid,
    NoSecret,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
}
