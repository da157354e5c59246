using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Install;

/// <summary>
/// Encrypts bot tokens for the Installations table with AES-GCM under <see cref="SlackInstallOptions.TokenEncryptionKey"/>.
/// Stored form: <c>v1:</c> + base64(12-byte nonce | ciphertext | 16-byte tag), with the installation's tenant id (team
/// id, or enterprise id for an org-wide install) as associated data, so a row copied to another tenant does not
/// decrypt. See docs/decisions/0011-slack-token-protection.md. During a key rotation
/// (<see cref="SlackInstallOptions.PreviousTokenEncryptionKey"/>) tokens sealed under the old key still open, and
/// <see cref="Rewrap"/> seals them again under the new one (docs/decisions/0032-keyless-teams-and-key-rotation.md).
/// </summary>
public sealed class SlackTokenProtector
{
    /// <summary>Prefix of the current format; a future key or algorithm gets <c>v2:</c>.</summary>
    public const string Version1Prefix = "v1:";

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[]? _key;
    private readonly byte[]? _previousKey;
    private readonly ILogger<SlackTokenProtector> _logger;

    public SlackTokenProtector(IOptions<SlackInstallOptions> options, ILogger<SlackTokenProtector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _key = TryDecodeKey(options.Value.TokenEncryptionKey, out var key) ? key : null;

        // The validator refuses a previous key without a valid current one; without a current key it is never used.
        _previousKey = _key is not null && TryDecodeKey(options.Value.PreviousTokenEncryptionKey, out var previous) ? previous : null;
    }

    /// <summary>True when a valid key is configured.</summary>
    public bool HasKey => _key is not null;

    /// <summary>True while a rotation is under way (a previous key is configured beside the current one).</summary>
    public bool HasPreviousKey => _previousKey is not null;

    /// <summary>Encrypts <paramref name="token"/> for the installation row of <paramref name="tenantId"/>.</summary>
    /// <exception cref="InvalidOperationException">No valid key is configured (the message says how to make one).</exception>
    public string Protect(string token, string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var key = _key ?? throw new InvalidOperationException(
            "Cannot store a Slack bot token: Slack:TokenEncryptionKey is not set or not 32 bytes of base64. " +
            SlackInstallOptionsValidator.HowToCreateKey);

        var plain = Encoding.UTF8.GetBytes(token);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(
            nonce,
            plain,
            sealedBytes.AsSpan(NonceSize, plain.Length),
            sealedBytes.AsSpan(NonceSize + plain.Length, TagSize),
            Encoding.UTF8.GetBytes(tenantId));
        CryptographicOperations.ZeroMemory(plain);
        return Version1Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>
    /// Decrypts a stored token of <paramref name="tenantId"/>, under the current key or, during a rotation, the
    /// previous one; null (with a warning that names the tenant and the reason, never the token) when it is missing,
    /// not encrypted, tampered with, from another tenant or neither key fits.
    /// </summary>
    public string? Unprotect(string? stored, string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (_key is null)
        {
            Warn(tenantId, "Slack:TokenEncryptionKey is not set or not valid");
            return null;
        }

        var (token, failure) = Open(stored, tenantId, _key);
        if (token is null && failure is null && _previousKey is not null)
        {
            (token, failure) = Open(stored, tenantId, _previousKey);
        }

        if (token is null)
        {
            Warn(tenantId, failure ?? (_previousKey is null
                ? "it was encrypted with another key, for another workspace, or altered"
                : "it was encrypted with neither Slack:TokenEncryptionKey nor Slack:PreviousTokenEncryptionKey, for another workspace, or altered"));
        }

        return token;
    }

    /// <summary>
    /// During a rotation: the stored token sealed again under the current key when it opens only under the previous
    /// one; null when there is nothing to do (no rotation, already current, or it opens under neither key).
    /// </summary>
    public string? Rewrap(string? stored, string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (_key is null || _previousKey is null || string.IsNullOrEmpty(stored) || Open(stored, tenantId, _key).Token is not null)
        {
            return null;
        }

        return Open(stored, tenantId, _previousKey).Token is { } token ? Protect(token, tenantId) : null;
    }

    /// <summary>The token, or why the stored text cannot be a token under any key (null reason: only this key failed).</summary>
    private static (string? Token, string? Failure) Open(string stored, string tenantId, byte[] key)
    {
        if (!stored.StartsWith(Version1Prefix, StringComparison.Ordinal))
        {
            return (null, "the stored token is not in the v1 encrypted format");
        }

        var sealedBytes = new byte[(stored.Length - Version1Prefix.Length) * 3 / 4];
        if (!Convert.TryFromBase64String(stored[Version1Prefix.Length..], sealedBytes, out var length) || length <= NonceSize + TagSize)
        {
            return (null, "the stored token is not valid base64 or too short");
        }

        var cipherLength = length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceSize),
                sealedBytes.AsSpan(NonceSize, cipherLength),
                sealedBytes.AsSpan(NonceSize + cipherLength, TagSize),
                plain,
                Encoding.UTF8.GetBytes(tenantId));
            return (Encoding.UTF8.GetString(plain), null);
        }
        catch (AuthenticationTagMismatchException)
        {
            return (null, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>
    /// Separate keys for signing OAuth state, derived from the token keys (HKDF-SHA256): the current one first (it
    /// signs), then the previous one during a rotation (it still verifies a state another replica issued); empty
    /// without a key.
    /// </summary>
    internal IReadOnlyList<byte[]> DeriveStateSigningKeys() =>
        [.. new[] { _key, _previousKey }.OfType<byte[]>().Select(key => HKDF.DeriveKey(HashAlgorithmName.SHA256, key, KeySize, info: Encoding.UTF8.GetBytes("CoachBot Slack OAuth state v1")))];

    /// <summary>Decodes a configured key; true only for exactly 32 bytes of base64.</summary>
    internal static bool TryDecodeKey(string? configured, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return false;
        }

        var buffer = new byte[configured.Length];
        if (!Convert.TryFromBase64String(configured.Trim(), buffer, out var length) || length != KeySize)
        {
            return false;
        }

        key = buffer[..KeySize];
        return true;
    }

    private void Warn(string tenantId, string reason) => _logger.LogWarning(
        "The Slack installation of {TenantId} is treated as not installed: its bot token cannot be decrypted because {Reason}. " +
        "Check Slack:TokenEncryptionKey (and Slack:PreviousTokenEncryptionKey during a key rotation), or reinstall CoachBot in that workspace from /slack/install.",
        tenantId,
        reason);
}
