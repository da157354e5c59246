namespace CoachBot.Host.ServiceDefaults;

/// <summary>Telemetry export settings (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP/gRPC collector endpoint, e.g. http://localhost:4317. Empty: no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Print traces and metrics to the console (for debugging only).</summary>
    public bool Console { get; set; }

    /// <summary>Write logs as one JSON object per line, for log collectors.</summary>
    public bool JsonLogs { get; set; }
}
