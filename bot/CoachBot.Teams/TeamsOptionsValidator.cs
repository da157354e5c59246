using Microsoft.Extensions.Options;

namespace CoachBot.Teams;

/// <summary>Checks the Teams settings at start-up; each message names the setting and the fix, never a secret.</summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Cloud))
        {
            failures.Add("Teams:Cloud must be Public, Gcc, GccHigh or DoD.");
        }

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
}
