using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CoachBot.Host.Charts;

/// <summary>
/// The one signing code path for links the host serves without storing anything (charts, export downloads):
/// <c>{payload}.{signature}</c>, both base64url, the signature HMAC-SHA256 over the payload text. Verification is
/// constant-time and every failure looks the same (null), so a caller learns nothing about which part was wrong.
/// The first key signs; during a key rotation the next one still verifies what it signed before.
/// </summary>
public sealed class UrlTokenSigner
{
    /// <summary>Longest token read; real ones are a few hundred characters, this bounds the work on junk.</summary>
    public const int MaxTokenLength = 4096;

    private const int SignatureBytes = 32;

    private readonly IReadOnlyList<byte[]> _keys;

    /// <param name="keys">
    /// The HMAC keys, the signing one first (a purpose of its own per kind of link, see <see cref="ForPurpose"/>).
    /// </param>
    public UrlTokenSigner(IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfZero(keys.Count);
        _keys = keys;
    }

    /// <summary>
    /// A signer whose keys are derived from <paramref name="master"/>'s for one purpose (HKDF-SHA256), so a token made
    /// for one kind of link never verifies as another.
    /// </summary>
    public static UrlTokenSigner ForPurpose(ChartSigningKey master, string purpose) => new(DeriveKeys(master, purpose));

    /// <summary>
    /// 32-byte keys for <paramref name="purpose"/> derived from each configured signing key, in the same order
    /// (current first), so the n-th derived key belongs to the n-th signing key.
    /// </summary>
    public static IReadOnlyList<byte[]> DeriveKeys(ChartSigningKey master, string purpose)
    {
        ArgumentNullException.ThrowIfNull(master);
        var info = Encoding.ASCII.GetBytes("coachbot:" + purpose);
        return [.. master.All.Select(key => HKDF.DeriveKey(HashAlgorithmName.SHA256, key, SignatureBytes, info: info))];
    }

    /// <summary>The signed token for <paramref name="payload"/>.</summary>
    public string Seal(ReadOnlySpan<byte> payload)
    {
        var text = Base64Url.EncodeToString(payload);
        return text + "." + Base64Url.EncodeToString(Sign(_keys[0], text));
    }

    /// <summary>The payload of a token whose signature is right under any of the keys; null for anything else.</summary>
    public byte[]? Open(string token) => Open(token, out _);

    /// <summary>The JSON payload of a token whose signature is right, read as <typeparamref name="T"/>; null for anything else.</summary>
    public T? OpenJson<T>(string token)
        where T : class
    {
        if (Open(token) is not { } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The payload of a token whose signature is right, and in <paramref name="keyIndex"/> which key verified it (so
    /// a caller with a second key per signing key, such as an encryption key, picks the matching one).
    /// </summary>
    public byte[]? Open(string token, out int keyIndex)
    {
        ArgumentNullException.ThrowIfNull(token);
        keyIndex = -1;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > MaxTokenLength)
        {
            return null;
        }

        var payload = token[..dot];
        var signature = new byte[SignatureBytes + 3];
        if (!Base64Url.IsValid(token.AsSpan(dot + 1))
            || Base64Url.DecodeFromChars(token.AsSpan(dot + 1), signature) != SignatureBytes)
        {
            return null;
        }

        for (var i = 0; i < _keys.Count && keyIndex < 0; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(signature.AsSpan(0, SignatureBytes), Sign(_keys[i], payload)))
            {
                keyIndex = i;
            }
        }

        if (keyIndex < 0)
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(payload);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Sign(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload));
}
