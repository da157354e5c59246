using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Host.Charts;

/// <summary>
/// The one signing code path for links the host serves without storing anything (charts, export downloads):
/// <c>{payload}.{signature}</c>, both base64url, the signature HMAC-SHA256 over the payload text. Verification is
/// constant-time and every failure looks the same (null), so a caller learns nothing about which part was wrong.
/// </summary>
public sealed class UrlTokenSigner
{
    /// <summary>Longest token read; real ones are a few hundred characters, this bounds the work on junk.</summary>
    public const int MaxTokenLength = 4096;

    private const int SignatureBytes = 32;

    private readonly byte[] _key;

    /// <param name="key">The HMAC key; a purpose of its own per kind of link (see <see cref="ForPurpose"/>).</param>
    public UrlTokenSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <summary>
    /// A signer whose key is derived from <paramref name="master"/> for one purpose (HKDF-SHA256), so a token made
    /// for one kind of link never verifies as another.
    /// </summary>
    public static UrlTokenSigner ForPurpose(ChartSigningKey master, string purpose) => new(DeriveKey(master, purpose));

    /// <summary>A 32-byte key for <paramref name="purpose"/> derived from the configured signing key.</summary>
    public static byte[] DeriveKey(ChartSigningKey master, string purpose)
    {
        ArgumentNullException.ThrowIfNull(master);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, master.Bytes, SignatureBytes, info: Encoding.ASCII.GetBytes("coachbot:" + purpose));
    }

    /// <summary>The signed token for <paramref name="payload"/>.</summary>
    public string Seal(ReadOnlySpan<byte> payload)
    {
        var text = Base64Url.EncodeToString(payload);
        return text + "." + Base64Url.EncodeToString(Sign(text));
    }

    /// <summary>The payload of a token whose signature is right; null for anything else.</summary>
    public byte[]? Open(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > MaxTokenLength)
        {
            return null;
        }

        var payload = token[..dot];
        var signature = new byte[SignatureBytes + 3];
        if (!Base64Url.IsValid(token.AsSpan(dot + 1))
            || Base64Url.DecodeFromChars(token.AsSpan(dot + 1), signature) != SignatureBytes
            || !CryptographicOperations.FixedTimeEquals(signature.AsSpan(0, SignatureBytes), Sign(payload)))
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

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload));
}
