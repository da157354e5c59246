using System.Text.Json;
using CoachBot.Core.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
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
        var telemetry = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (telemetry.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        // OTEL_EXPORTER_OTLP_ENDPOINT is the standard switch; Telemetry:OtlpEndpoint is the same in appsettings form.
        var otlpEndpoint = string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint) ? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] : telemetry.OtlpEndpoint;
        var otlp = !string.IsNullOrWhiteSpace(otlpEndpoint);

        // Collecting spans and metrics costs CPU on every request; with no exporter nobody would read them.
        if (otlp || telemetry.Console)
        {
            var otel = builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("coachbot"))
                .WithTracing(t => t
                    .AddSource(CoachBotTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/healthz");
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
                otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(otlpEndpoint!));
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
