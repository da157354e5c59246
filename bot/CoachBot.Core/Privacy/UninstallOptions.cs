using Microsoft.Extensions.Options;

namespace CoachBot.Core.Privacy;

/// <summary>
/// How long an uninstalled workspace's or tenant's user data is kept (configuration section <c>Privacy</c>);
/// docs/decisions/0021-uninstall-grace-period.md.
/// </summary>
public sealed class UninstallOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Fewest days <see cref="UninstallGraceDays"/> may be.</summary>
    public const int MinGraceDays = 1;

    /// <summary>Most days <see cref="UninstallGraceDays"/> may be.</summary>
    public const int MaxGraceDays = 365;

    /// <summary>
    /// Days after an uninstall (Slack <c>app_uninstalled</c> / <c>tokens_revoked</c>, Teams removal) before the users'
    /// data is deleted; installing again or using CoachBot within them keeps it.
    /// </summary>
    public int UninstallGraceDays { get; set; } = 30;

    /// <summary><see cref="UninstallGraceDays"/> as a time span.</summary>
    public TimeSpan GracePeriod => TimeSpan.FromDays(UninstallGraceDays);
}

/// <summary>Checks <see cref="UninstallOptions"/> at start-up with a message that names the setting and its range.</summary>
public sealed class UninstallOptionsValidator : IValidateOptions<UninstallOptions>
{
    public ValidateOptionsResult Validate(string? name, UninstallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UninstallGraceDays is < UninstallOptions.MinGraceDays or > UninstallOptions.MaxGraceDays
            ? ValidateOptionsResult.Fail(
                $"Privacy:UninstallGraceDays is {options.UninstallGraceDays}; it must be a whole number of days from " +
                $"{UninstallOptions.MinGraceDays} to {UninstallOptions.MaxGraceDays}, e.g. 30.")
            : ValidateOptionsResult.Success;
    }
}
