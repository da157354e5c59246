namespace CoachBot.Slack;

/// <summary>Slack settings (configuration section <c>Slack</c>). Secrets come from the environment or user-secrets.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>The app's signing secret. Without it the HTTP endpoints are not mapped at all.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Bot token (xoxb-) for a single-workspace install. Multi-workspace installs store theirs per team.</summary>
    public string? BotToken { get; set; }

    /// <summary>OAuth client id, for multi-workspace installs.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth client secret, for multi-workspace installs.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>App-level token (xapp-) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Web API base URL; tests point it at a fake Slack on loopback.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Where users are sent to approve an install.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>The public URL of <c>/slack/oauth</c>, as registered in the app's redirect URLs. Optional.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Bot scopes requested at install (must match the app manifest).</summary>
    public string Scopes { get; set; } = "app_mentions:read,channels:read,chat:write,commands,files:write,groups:read,im:history,im:read,im:write,users:read";

    /// <summary>Largest request body accepted from Slack, in bytes (Slack's are a few KiB).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest wait honoured from a 429 Retry-After before giving up.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>HTTP attempts per Web API call (429, 5xx, network failures and timeouts are retried; ADR 0029).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// How many replicas share the app's Slack rate limits: each replica paces itself at 1/<see cref="Replicas"/> of
    /// Slack's per-method and per-channel limits (ADR 0029). Set it to the deployment's maximum replica count.
    /// </summary>
    public int Replicas { get; set; } = 1;

    /// <summary>How often each replica looks for inbox items nobody is handling (a replica died after its ack).</summary>
    public TimeSpan InboxSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when a single-workspace bot token is configured.</summary>
    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>True when the OAuth install flow can run.</summary>
    public bool HasOAuth => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
