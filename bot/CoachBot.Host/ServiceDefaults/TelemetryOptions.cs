using OpenTelemetry.Exporter;

namespace CoachBot.Host.ServiceDefaults;

/// <summary>Telemetry export settings (configuration section <c>Telemetry</c>); docs/operations.md.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The standard OpenTelemetry variable for the collector endpoint, used when <see cref="OtlpEndpoint"/> is empty.</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard OpenTelemetry variable for the protocol, used when <see cref="OtlpProtocol"/> is empty.</summary>
    public const string StandardProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>Where Azure Monitor (Application Insights) telemetry goes; set by the Container App (infra/).</summary>
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>OTLP collector endpoint, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP). Empty: no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP protocol: <c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>Print traces and metrics to the console (for debugging only).</summary>
    public bool Console { get; set; }

    /// <summary>Write logs as one JSON object per line, for log collectors.</summary>
    public bool JsonLogs { get; set; }

    /// <summary>
    /// The settings with the standard OpenTelemetry variables filled in where the <c>Telemetry</c> section leaves
    /// them empty (the section wins), and the Azure Monitor connection string.
    /// </summary>
    public static (TelemetryOptions Options, string? AzureMonitor) Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        options.FillFromStandardVariables(configuration);
        var azure = configuration[AzureMonitorVariable];
        return (options, string.IsNullOrWhiteSpace(azure) ? null : azure);
    }

    /// <summary>The OTLP protocol named, or null when the name is not one of grpc and http/protobuf.</summary>
    public OtlpExportProtocol? Protocol => (OtlpProtocol?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };

    internal void FillFromStandardVariables(IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(OtlpEndpoint))
        {
            OtlpEndpoint = configuration[StandardEndpointVariable];
        }

        if (string.IsNullOrWhiteSpace(OtlpProtocol))
        {
            OtlpProtocol = configuration[StandardProtocolVariable];
        }
    }
}
