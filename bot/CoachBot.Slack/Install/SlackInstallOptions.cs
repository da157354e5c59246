namespace CoachBot.Slack.Install;

/// <summary>
/// Install-side Slack settings, bound from the same <c>Slack</c> section as <see cref="SlackOptions"/>:
/// <c>Slack:TokenEncryptionKey</c>, <c>Slack:StateLifetime</c> and <c>Slack:TokenCacheLifetime</c>.
/// </summary>
public sealed class SlackInstallOptions
{
    /// <summary>
    /// 32 random bytes, base64, that encrypt the stored bot tokens (and sign the OAuth state). A secret: set it with
    /// the environment variable <c>Slack__TokenEncryptionKey</c> or user-secrets, never in appsettings.json.
    /// Create one with <c>openssl rand -base64 32</c>.
    /// </summary>
    public string? TokenEncryptionKey { get; set; }

    /// <summary>
    /// During a key rotation, the key <see cref="TokenEncryptionKey"/> replaced: tokens stored under it still open,
    /// and every replica seals them again under the new key (hourly, logging how many are left). Remove it once the
    /// log says none is left. A secret, like the current key.
    /// </summary>
    public string? PreviousTokenEncryptionKey { get; set; }

    /// <summary>How often a replica looks for installations still sealed under the previous key.</summary>
    public TimeSpan KeyRotationInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an install link (its OAuth <c>state</c> and browser cookie) stays valid.</summary>
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a decrypted bot token is kept in memory before the installation is read again.</summary>
    public TimeSpan TokenCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when a key is configured (not necessarily a valid one; validation checks that).</summary>
    public bool HasTokenEncryptionKey => !string.IsNullOrWhiteSpace(TokenEncryptionKey);
}
