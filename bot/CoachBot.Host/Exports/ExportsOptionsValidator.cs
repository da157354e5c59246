using Microsoft.Extensions.Options;

namespace CoachBot.Host.Exports;

/// <summary>Checks <see cref="ExportsOptions"/> at start-up with a message that names the setting and the fix.</summary>
public sealed class ExportsOptionsValidator : IValidateOptions<ExportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.LinkLifetimeMinutes is < 1 or > ExportsOptions.MaxLinkLifetimeMinutes
            ? ValidateOptionsResult.Fail(
                $"Exports:LinkLifetimeMinutes is {options.LinkLifetimeMinutes}; set it to a number of minutes from 1 to {ExportsOptions.MaxLinkLifetimeMinutes} (default 15), or remove it.")
            : ValidateOptionsResult.Success;
    }
}
