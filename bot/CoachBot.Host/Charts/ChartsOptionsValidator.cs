using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>Checks <see cref="ChartsOptions"/> at start-up with messages that name the setting and the fix.</summary>
public sealed class ChartsOptionsValidator : IValidateOptions<ChartsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChartsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckKey("SigningKey", options.SigningKey, failures);
        CheckKey("PreviousSigningKey", options.PreviousSigningKey, failures);
        if (!string.IsNullOrWhiteSpace(options.PreviousSigningKey) && string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add("Charts:PreviousSigningKey is set but Charts:SigningKey is not; during a rotation set the new key as Charts:SigningKey and the old one as Charts:PreviousSigningKey.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            failures.Add($"Charts:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http(s) URL; use e.g. 'https://coachbot.example.com' or leave it empty for relative links.");
        }

        if (options.RenderCacheEntries is < 0 or > 100_000)
        {
            failures.Add($"Charts:RenderCacheEntries is {options.RenderCacheEntries}; set it from 0 (no cache) to 100000 (default 256).");
        }

        if (options.RendersPerUserPerMinute is < 1 or > 1000)
        {
            failures.Add($"Charts:RendersPerUserPerMinute is {options.RendersPerUserPerMinute}; set it from 1 to 1000 (default 10).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKey(string setting, string? value, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        // Never echo the value: it is a secret.
        var bytes = new byte[value.Length];
        if (!Convert.TryFromBase64String(value.Trim(), bytes, out var length))
        {
            failures.Add($"Charts:{setting} is not valid base64; set it (environment Charts__{setting} or user-secrets) to the output of 'openssl rand -base64 32'.");
        }
        else if (length < ChartsOptions.MinKeyBytes)
        {
            failures.Add($"Charts:{setting} is {length} bytes; it needs at least {ChartsOptions.MinKeyBytes}. Generate one with 'openssl rand -base64 32'.");
        }
    }
}
