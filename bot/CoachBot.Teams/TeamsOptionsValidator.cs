using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams;

/// <summary>
/// Checks <see cref="TeamsOptions"/> at start-up with messages that name the setting and the fix; the app password is
/// never repeated. Which credentials must go together is the host's decision (CoachBot.Host.Local.HostMode).
/// </summary>
public sealed partial class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]{0,253}$")]
    private static partial Regex TenantPattern();
}
