using Microsoft.Extensions.Options;

namespace CoachBot.Slack;

/// <summary>
/// Checks <see cref="SlackOptions"/> at start-up with messages that name the setting and the fix. Tokens and secrets
/// are never repeated. Which credentials must go together is the host's decision (CoachBot.Host.Local.HostMode).
/// </summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // A token pasted into the wrong setting fails every call later with a vague error; say so now.
        if (IsSet(options.BotToken) && !options.BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken is not a bot token (those start with xoxb-; its value is not shown); copy the " +
                "Bot User OAuth Token from the Slack app's OAuth & Permissions page.");
        }

        if (IsSet(options.AppToken) && !options.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken is not an app-level token (those start with xapp-; its value is not shown); create " +
                "one with the connections:write scope on the Slack app's Basic Information page.");
        }

        CheckUrl(failures, "Slack:ApiBaseUrl", options.ApiBaseUrl, "https://slack.com/api/");
        CheckUrl(failures, "Slack:AuthorizeUrl", options.AuthorizeUrl, "https://slack.com/oauth/v2/authorize");
        if (options.RedirectUri is not null)
        {
            CheckUrl(failures, "Slack:RedirectUri", options.RedirectUri, "https://coachbot.example.com/slack/oauth");
        }

        if (string.IsNullOrWhiteSpace(options.Scopes))
        {
            failures.Add("Slack:Scopes is empty; leave it out for the default, or list the bot scopes of the app manifest, comma-separated.");
        }

        if (options.MaxBodyBytes is < 1024 or > 10 * 1024 * 1024)
        {
            failures.Add($"Slack:MaxBodyBytes {options.MaxBodyBytes} is out of range; use 1024 to 10485760 (default 1048576).");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"Slack:MaxAttempts {options.MaxAttempts} is out of range; use 1 to 10 (default 3).");
        }

        if (options.Replicas is < 1 or > 100)
        {
            failures.Add($"Slack:Replicas {options.Replicas} is out of range; use 1 to 100, the most replicas the deployment runs (default 1).");
        }

        // Below the pipeline's 2-minute total timeout, so a long Retry-After fails as rate-limited, not as unreachable.
        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Slack:MaxRetryAfter {options.MaxRetryAfter} is out of range; use 00:00:00 to 00:01:00 (default 00:00:30).");
        }

        if (options.InboxSweepInterval < TimeSpan.FromSeconds(1) || options.InboxSweepInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Slack:InboxSweepInterval {options.InboxSweepInterval} is out of range; use 00:00:01 to 01:00:00 (default 00:00:30).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>Slack is only ever reached over https; plain http is for a fake Slack on this machine (tests).</summary>
    private static void CheckUrl(List<string> failures, string setting, Uri? url, string example)
    {
        if (url is null || !url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            failures.Add($"{setting} must be an absolute https URL (http only on this machine, for tests), e.g. {example}; leave it out for the default.");
        }
    }
}
