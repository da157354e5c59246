using Microsoft.Extensions.Options;

namespace CoachBot.Host.PublicPages;

/// <summary>Checks <see cref="SupportOptions"/> at start-up with messages that name the setting and the fix.</summary>
public sealed class SupportOptionsValidator : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Contact) && !IsContact(options.Contact.Trim()))
        {
            failures.Add("Support:Contact must be an https:// address (e.g. https://help.example.com/coachbot) or a mailto: address (e.g. mailto:it-help@example.com); leave it empty to send users to their workspace admin.");
        }

        if (options.OperatorName is { } operatorName
            && (operatorName.Length > SupportOptions.MaxOperatorNameLength || operatorName.Any(char.IsControl)))
        {
            failures.Add($"Support:OperatorName must be one line of at most {SupportOptions.MaxOperatorNameLength} characters, the name of the organisation that runs CoachBot (e.g. Example Corp).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsContact(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }

        return uri.Scheme switch
        {
            "https" => !string.IsNullOrEmpty(uri.Host) && string.IsNullOrEmpty(uri.UserInfo),
            "mailto" => uri.UserInfo.Length > 0 && uri.Host.Length > 0 && !value.Contains('?', StringComparison.Ordinal),
            _ => false,
        };
    }
}
