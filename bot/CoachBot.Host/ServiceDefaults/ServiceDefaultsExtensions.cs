using System.Text.Json;
using CoachBot.Core.Telemetry;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoachBot.Host.ServiceDefaults;

/// <summary>
/// What every CoachBot process shares: structured logs, OpenTelemetry traces and metrics, and health endpoints.
/// Exporters are chosen by configuration so nothing is sent anywhere unless an operator asks for it.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Health check tag for checks that decide readiness (/readyz).</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        var (telemetry, azureMonitor) = TelemetryOptions.Resolve(builder.Configuration);
        builder.Services.AddOptions<TelemetryOptions>()
            .Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName))
            .PostConfigure(o => o.FillFromStandardVariables(builder.Configuration))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        if (telemetry.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        // OTEL_EXPORTER_OTLP_ENDPOINT / _PROTOCOL are the standard switches; Telemetry:OtlpEndpoint / OtlpProtocol the
        // same in appsettings form. A protocol the validator refuses stops the start, so none is guessed here.
        var otlp = Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out var otlpEndpoint)
            && otlpEndpoint.Scheme is "http" or "https" && telemetry.Protocol is not null;

        // Collecting spans and metrics costs CPU on every request; with no exporter nobody would read them.
        if (otlp || telemetry.Console || azureMonitor is not null)
        {
            var otel = builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("coachbot"))
                .WithTracing(t => t
                    .AddSource(CoachBotTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/healthz") && !ctx.Request.Path.StartsWithSegments("/readyz");
                        o.EnrichWithHttpRequest = TelemetryRedaction.RedactServerQuery;
                        o.EnrichWithHttpResponse = TelemetryRedaction.RedactServerPath;
                    })
                    .AddHttpClientInstrumentation(o =>
                    {
                        o.EnrichWithHttpRequestMessage = (activity, request) => TelemetryRedaction.RedactClientUrl(activity, request.RequestUri);
                    }))
                .WithMetrics(m => m
                    .AddMeter(CoachBotTelemetry.SourceName, "CoachBot.Slack")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation());
            if (otlp)
            {
                otel.UseOtlpExporter(telemetry.Protocol!.Value, otlpEndpoint!);
            }

            if (azureMonitor is not null)
            {
                // Per signal rather than UseAzureMonitorExporter, so it can sit beside the OTLP exporter.
                otel.WithTracing(t => t.AddAzureMonitorTraceExporter(o => o.ConnectionString = azureMonitor))
                    .WithMetrics(m => m.AddAzureMonitorMetricExporter(o => o.ConnectionString = azureMonitor));
                builder.Logging.AddOpenTelemetry(o => o.AddAzureMonitorLogExporter(a => a.ConnectionString = azureMonitor));
            }

            if (telemetry.Console)
            {
                otel.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
            }
        }

        // Every HttpClient logs through the redacting logger: the default one writes full URLs (secrets in paths).
        builder.Services.AddSingleton<RedactedHttpClientLogger>();
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers().AddLogger<RedactedHttpClientLogger>());

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        return builder;
    }

    /// <summary>/healthz: the process is up. /readyz: every check tagged "ready" passes (storage reachable).</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live"), ResponseWriter = WriteJson });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJson });
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
