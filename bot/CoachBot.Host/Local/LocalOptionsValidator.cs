using Microsoft.Extensions.Options;

namespace CoachBot.Host.Local;

/// <summary>
/// Checks <see cref="LocalOptions"/> at start-up with messages that name the setting and the fix.
/// Also carries the host mode's refusals (<see cref="HostMode"/>), so a configuration that mixes local mode and
/// production stops the start like any other invalid setting.
/// </summary>
public sealed class LocalOptionsValidator : IValidateOptions<LocalOptions>
{
    private readonly HostModeDecision _mode;

    public LocalOptionsValidator(HostModeDecision mode) => _mode = mode;

    public ValidateOptionsResult Validate(string? name, LocalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(_mode.Refusals);
        if (options.MaxBodyBytes is < 1024 or > 1024 * 1024)
        {
            failures.Add($"Local:MaxBodyBytes {options.MaxBodyBytes} is out of range; use a value from 1024 to 1048576 (default 65536).");
        }

        if (string.IsNullOrWhiteSpace(options.AzuriteDataPath))
        {
            failures.Add("Local:AzuriteDataPath is empty; set it to a folder for Azurite's data, e.g. '.data/azurite'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
