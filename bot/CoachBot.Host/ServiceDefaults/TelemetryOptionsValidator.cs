using Microsoft.Extensions.Options;

namespace CoachBot.Host.ServiceDefaults;

/// <summary>Checks <see cref="TelemetryOptions"/> at start-up; each message names the setting and how to fix it.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Protocol is null)
        {
            failures.Add($"Telemetry:OtlpProtocol (or {TelemetryOptions.StandardProtocolVariable}) '{options.OtlpProtocol}' is not supported; use 'grpc' or 'http/protobuf'.");
        }

        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            && !(Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
        {
            failures.Add($"Telemetry:OtlpEndpoint (or {TelemetryOptions.StandardEndpointVariable}) must be an absolute http(s) URL, e.g. 'http://localhost:4317'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
