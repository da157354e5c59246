using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Install;

/// <summary>
/// Fails start-up when the OAuth install flow is configured without a usable token encryption key, or when a key is
/// set but is not 32 bytes of base64. Messages say how to make a key and where to put it; they never echo the key.
/// </summary>
public sealed class SlackInstallOptionsValidator : IValidateOptions<SlackInstallOptions>
{
    internal const string HowToCreateKey =
        "Create one with `openssl rand -base64 32` and set it as the environment variable Slack__TokenEncryptionKey " +
        "or with `dotnet user-secrets set Slack:TokenEncryptionKey <key>` (never in appsettings.json).";

    private readonly IOptions<SlackOptions> _slack;

    public SlackInstallOptionsValidator(IOptions<SlackOptions> slack) => _slack = slack;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SlackInstallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.HasTokenEncryptionKey)
        {
            if (_slack.Value.HasOAuth)
            {
                failures.Add(
                    "Slack:TokenEncryptionKey is missing, but Slack:ClientId and Slack:ClientSecret are set, so bot " +
                    "tokens of installed workspaces would have to be stored in plain text. " + HowToCreateKey);
            }
        }
        else if (!SlackTokenProtector.TryDecodeKey(options.TokenEncryptionKey, out _))
        {
            failures.Add("Slack:TokenEncryptionKey is not 32 bytes of base64. " + HowToCreateKey);
        }

        if (!string.IsNullOrWhiteSpace(options.PreviousTokenEncryptionKey))
        {
            if (!SlackTokenProtector.TryDecodeKey(options.PreviousTokenEncryptionKey, out _))
            {
                failures.Add("Slack:PreviousTokenEncryptionKey is not 32 bytes of base64; it must be the exact key Slack:TokenEncryptionKey had before the rotation.");
            }
            else if (!options.HasTokenEncryptionKey)
            {
                failures.Add(
                    "Slack:PreviousTokenEncryptionKey is set but Slack:TokenEncryptionKey is not; during a rotation set the new key as " +
                    "Slack:TokenEncryptionKey and the old one as Slack:PreviousTokenEncryptionKey. " + HowToCreateKey);
            }
            else if (string.Equals(options.PreviousTokenEncryptionKey.Trim(), options.TokenEncryptionKey?.Trim(), StringComparison.Ordinal))
            {
                failures.Add("Slack:PreviousTokenEncryptionKey is the same as Slack:TokenEncryptionKey; set the new key as Slack:TokenEncryptionKey.");
            }
        }

        if (options.KeyRotationInterval < TimeSpan.FromMinutes(1) || options.KeyRotationInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"Slack:KeyRotationInterval must be between 00:01:00 and 1.00:00:00 (got {options.KeyRotationInterval}); the default is 01:00:00.");
        }

        if (options.StateLifetime <= TimeSpan.Zero || options.StateLifetime > TimeSpan.FromHours(1))
        {
            failures.Add($"Slack:StateLifetime must be between 00:00:01 and 01:00:00 (got {options.StateLifetime}); the default is 00:10:00.");
        }

        if (options.TokenCacheLifetime < TimeSpan.Zero || options.TokenCacheLifetime > TimeSpan.FromHours(1))
        {
            failures.Add($"Slack:TokenCacheLifetime must be between 00:00:00 and 01:00:00 (got {options.TokenCacheLifetime}); the default is 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
