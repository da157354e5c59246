using CoachBot.Storage.Azurite;

namespace CoachBot.Host.Local;

/// <summary>
/// Decides between local mode and production, failing closed (docs/decisions/0017-modes-fail-closed.md): local mode
/// needs no credential at all and the storage emulator; a setting that is present but empty or an unresolved secret
/// reference never lets the host fall back to local mode; local mode next to credentials, half-set credentials and
/// Bot Framework's setting names stop the start with a line naming the setting.
/// </summary>
public static class HostMode
{
    /// <summary>Every setting that belongs to a production channel. Any one present means "not local".</summary>
    internal static readonly string[] CredentialKeys =
    [
        "Slack:SigningSecret", "Slack:BotToken", "Slack:ClientId", "Slack:ClientSecret", "Slack:AppToken",
        "Slack:TokenEncryptionKey", "Slack:PreviousTokenEncryptionKey", "Teams:AppId", "Teams:AppPassword", "Teams:Credential",
    ];

    /// <summary>Bot Framework's usual names and CoachBot's name for each (null: CoachBot has no such setting).</summary>
    private static readonly (string Name, string? Use)[] BotFrameworkNames =
    [
        ("MicrosoftAppId", "Teams:AppId"),
        ("MicrosoftAppPassword", "Teams:AppPassword"),
        ("MicrosoftAppTenantId", "Teams:TenantId"),
        ("MicrosoftAppType", null),
    ];

    /// <summary>Texts a platform leaves in place when it could not resolve a secret reference.</summary>
    private static readonly string[] UnresolvedReferencePrefixes = ["@Microsoft.KeyVault(", "secretref:"];

    private const string EnabledKey = $"{LocalOptions.SectionName}:{nameof(LocalOptions.Enabled)}";
    private const string StorageKey = "Storage:ConnectionString";
    private const string ServiceUriKey = "Storage:ServiceUri";

    public static HostModeDecision Decide(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var refusals = new List<string>();
        refusals.AddRange(RefuseBotFrameworkNames(configuration));

        var present = CredentialKeys.Where(k => configuration[k] is not null).ToList();
        var usable = present.Where(k => IsUsable(configuration[k])).ToList();
        foreach (var key in present.Where(k => IsUnresolvedReference(configuration[k])))
        {
            refusals.Add($"{key} holds a secret reference that was not resolved; give the app's identity read access to " +
                "that secret (or fix the reference), or set the value directly through the environment.");
        }

        var enabled = configuration[EnabledKey];
        bool? forced = null;
        if (!string.IsNullOrWhiteSpace(enabled))
        {
            if (bool.TryParse(enabled, out var value))
            {
                forced = value;
            }
            else
            {
                refusals.Add($"{EnabledKey} must be true, false or left out (left out: local mode exactly when no Slack or Teams credential is set).");
            }
        }

        bool local;
        if (forced == true)
        {
            // Explicit local mode: an empty value carries no credential, but a real one must never meet the open local API.
            if (usable.Count > 0)
            {
                var names = string.Join(", ", usable);
                refusals.Add($"{EnabledKey} is true but {names} {(usable.Count == 1 ? "is" : "are")} set: local mode (open /api/local, " +
                    $"clock travel, anonymous Teams) never runs next to real credentials. Remove {EnabledKey} to run with the " +
                    $"credentials, or remove {names} to run locally.");
            }

            local = usable.Count == 0;
        }
        else if (forced is null && present.Count == 0)
        {
            local = refusals.Count == 0;
        }
        else
        {
            local = false;
            if (forced is null && usable.Count == 0)
            {
                // A deploy whose secret references did not resolve must not quietly become an open local host.
                foreach (var key in present.Where(k => !IsUnresolvedReference(configuration[k])))
                {
                    refusals.Add($"{key} is present but empty (an unresolved secret reference?); give it its value, or remove the " +
                        "setting entirely to run in local mode.");
                }
            }

            refusals.AddRange(RefuseHalfSetCredentials(usable, KeylessTeams(configuration)));
        }

        if (local || forced == true)
        {
            refusals.AddRange(RefuseRealStorage(configuration));
        }

        return new HostModeDecision(local && refusals.Count == 0, refusals);
    }

    private static IEnumerable<string> RefuseBotFrameworkNames(IConfiguration configuration)
    {
        foreach (var (name, use) in BotFrameworkNames.Where(n => configuration[n.Name] is not null))
        {
            yield return use is null
                ? $"{name} is a Bot Framework setting CoachBot does not read; remove it (a single-tenant bot sets Teams:TenantId instead)."
                : $"{name} is a Bot Framework setting CoachBot does not read; rename it to {use} (environment variable {use.Replace(":", "__", StringComparison.Ordinal)}).";
        }
    }

    /// <summary>True when Teams:Credential names a credential without a secret (its exact value is checked by TeamsOptionsValidator).</summary>
    private static bool KeylessTeams(IConfiguration configuration) =>
        Enum.TryParse<CoachBot.Teams.TeamsCredential>(configuration["Teams:Credential"], ignoreCase: true, out var credential)
        && credential != CoachBot.Teams.TeamsCredential.ClientSecret;

    private static IEnumerable<string> RefuseHalfSetCredentials(List<string> usable, bool keylessTeams)
    {
        bool Has(string key) => usable.Contains(key, StringComparer.Ordinal);

        if (keylessTeams)
        {
            if (!Has("Teams:AppId"))
            {
                yield return "Teams:Credential names a managed identity but Teams:AppId is not set; set it to the bot's app (client) id, or remove Teams:Credential.";
            }
        }
        else if (Has("Teams:Credential") && !Has("Teams:AppId"))
        {
            yield return "Teams:Credential is set but Teams:AppId is not; set the bot's app id and its credential, or neither.";
        }
        else if (Has("Teams:AppId") != Has("Teams:AppPassword"))
        {
            var (set, missing) = Has("Teams:AppId") ? ("Teams:AppId", "Teams:AppPassword") : ("Teams:AppPassword", "Teams:AppId");
            yield return $"{set} is set but {missing} is not; set both from the bot's app registration (the password is its client secret), or neither.";
        }

        if (Has("Slack:ClientId") != Has("Slack:ClientSecret"))
        {
            var (set, missing) = Has("Slack:ClientId") ? ("Slack:ClientId", "Slack:ClientSecret") : ("Slack:ClientSecret", "Slack:ClientId");
            yield return $"{set} is set but {missing} is not; set both (from the Slack app's Basic Information page) for the install flow, or neither.";
        }

        var slack = usable.Where(k => k.StartsWith("Slack:", StringComparison.Ordinal)).ToList();
        if (slack.Count == 0)
        {
            yield break;
        }

        if (!Has("Slack:SigningSecret") && !Has("Slack:AppToken"))
        {
            yield return $"{slack[0]} is set but neither Slack:SigningSecret (HTTP events) nor Slack:AppToken (Socket Mode) is, " +
                "so nothing from Slack could reach the bot; set one of them.";
        }

        if (!Has("Slack:BotToken") && !(Has("Slack:ClientId") && Has("Slack:ClientSecret")))
        {
            yield return $"{slack[0]} is set but neither Slack:BotToken (one workspace) nor Slack:ClientId and Slack:ClientSecret " +
                "(install flow) are, so the bot could not answer in Slack; set one of them.";
        }
    }

    private static IEnumerable<string> RefuseRealStorage(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[ServiceUriKey]))
        {
            yield return $"Local mode needs the storage emulator, but {ServiceUriKey} names a storage account; remove it for a " +
                "local run, or configure Slack or Teams credentials for production.";
            yield break;
        }

        // Unset means the default, UseDevelopmentStorage=true (StorageOptions).
        var connectionString = configuration[StorageKey] ?? "UseDevelopmentStorage=true";
        if (AzuriteEndpoint.TablePort(connectionString) is null)
        {
            yield return $"Local mode needs the storage emulator, but {StorageKey} names another storage account (its value is " +
                "not shown); set it to UseDevelopmentStorage=true for a local run, or configure Slack or Teams credentials for production.";
        }
    }

    private static bool IsUsable(string? value) => !string.IsNullOrWhiteSpace(value) && !IsUnresolvedReference(value);

    private static bool IsUnresolvedReference(string? value) =>
        value is not null && UnresolvedReferencePrefixes.Any(p => value.TrimStart().StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
