using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams;

/// <summary>
/// Checks <see cref="TeamsOptions"/> at start-up with messages that name the setting and the fix; the app password is
/// never repeated. Which credentials must go together is the host's decision (CoachBot.Host.Local.HostMode).
/// </summary>
public sealed partial class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // The app id is the audience every inbound token is checked against: a typo would refuse all of Teams.
        if (!string.IsNullOrWhiteSpace(options.AppId) && !Guid.TryParse(options.AppId, out _))
        {
            failures.Add("Teams:AppId is not an app id (a GUID like 00000000-0000-0000-0000-000000000000); " +
                "copy the Microsoft App ID from the Azure Bot's Configuration page.");
        }

        // The tenant goes into token and metadata URLs, so it may hold nothing that changes the URL's path.
        if (!string.IsNullOrWhiteSpace(options.TenantId) && !TenantPattern().IsMatch(options.TenantId))
        {
            failures.Add("Teams:TenantId must be the Entra tenant id (a GUID) or its domain (e.g. contoso.onmicrosoft.com); " +
                "copy it from the app registration's Overview page, or leave it out for a multi-tenant bot.");
        }

        if (options.MaxBodyBytes is < 1024 or > 4 * 1024 * 1024)
        {
            failures.Add($"Teams:MaxBodyBytes {options.MaxBodyBytes} is out of range; use 1024 to 4194304 (default 262144).");
        }

        if (!Enum.IsDefined(options.Cloud))
        {
            failures.Add("Teams:Cloud must be Public, Gcc, GccHigh or DoD.");
        }

        failures.AddRange(CheckCredential(options));

        if (options.AllowedCallers.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Teams:AllowedCallers has an empty entry; list app (client) ids only, or leave it empty.");
        }

        if (options.AllowedCallers.Count > 0 && string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("Teams:AllowedCallers needs Teams:TenantId: Entra-issued tokens are accepted only from the bot's own tenant. Set Teams:TenantId or empty Teams:AllowedCallers.");
        }

        if (options.ReplyRetryInterval <= TimeSpan.Zero || options.ReplyRetryWindow <= TimeSpan.Zero)
        {
            failures.Add("Teams:ReplyRetryInterval and Teams:ReplyRetryWindow must be positive time spans such as 00:00:30 and 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> CheckCredential(TeamsOptions options)
    {
        if (!Enum.IsDefined(options.Credential))
        {
            yield return "Teams:Credential must be ClientSecret, ManagedIdentity or FederatedCredential.";
            yield break;
        }

        var clientId = options.ManagedIdentityClientId?.Trim();
        if (!string.IsNullOrEmpty(clientId) && !Guid.TryParse(clientId, out _))
        {
            yield return "Teams:ManagedIdentityClientId is not a client id (a GUID); copy it from the managed identity's Overview page.";
        }

        if (options.Credential == TeamsCredential.ClientSecret)
        {
            if (!string.IsNullOrEmpty(clientId))
            {
                yield return "Teams:ManagedIdentityClientId is only read with Teams:Credential FederatedCredential; set that, or remove the client id.";
            }

            yield break;
        }

        // Without a secret a keyless deploy would quietly keep one more credential than it needs; say which one wins.
        if (!string.IsNullOrWhiteSpace(options.AppPassword))
        {
            yield return $"Teams:AppPassword is set but Teams:Credential is {options.Credential}, which uses no secret; remove Teams:AppPassword " +
                "(and delete the client secret from the app registration), or set Teams:Credential to ClientSecret.";
        }

        if (options.Credential == TeamsCredential.ManagedIdentity && !string.IsNullOrEmpty(clientId)
            && !string.Equals(clientId, options.AppId?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return "With Teams:Credential ManagedIdentity the bot's Teams:AppId is the identity's client id; remove Teams:ManagedIdentityClientId " +
                "or set Teams:Credential to FederatedCredential if the app registration trusts that identity.";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]{0,253}$")]
    private static partial Regex TenantPattern();
}
