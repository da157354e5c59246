using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CoachBot.Host;

/// <summary>Host-wide composition helpers that belong to no single feature.</summary>
public static class HostBuilderExtensions
{
    /// <summary>
    /// The product owner keeps one appsettings.json at the repository root; the build copies it beside the host.
    /// Read that copy wherever the process was started from, keeping its place in the configuration order
    /// (environment variables and command line still override it).
    /// </summary>
    public static WebApplicationBuilder UseRepositoryAppSettings(this WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: "appsettings.json" })
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = "appsettings.json",
                    Optional = false,
                    ReloadOnChange = false,
                    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                };
            }
        }

        // ASP.NET Core reads user-secrets only in Development; operators of a real workspace run in Production and keep
        // their Slack and Teams secrets there too. Insert them after the JSON files, so the environment and the command
        // line still win. Tests ("Testing") never see a developer's secrets.
        if (!builder.Environment.IsEnvironment("Testing")
            && !sources.OfType<JsonConfigurationSource>().Any(s => s.Path == "secrets.json"))
        {
            var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(HostBuilderExtensions).Assembly, optional: true).Sources.Single();
            var lastJson = sources.ToList().FindLastIndex(s => s is JsonConfigurationSource);
            sources.Insert(lastJson + 1, secrets);
        }

        return builder;
    }

    /// <summary>Where a laptop run listens when nothing says otherwise: loopback only, the playground's port.</summary>
    public const string LaptopUrl = "http://localhost:3978";

    /// <summary>
    /// Binds <see cref="LaptopUrl"/> unless the listen address is configured (<c>Urls</c> / <c>ASPNETCORE_URLS</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c> / <c>HTTPS_PORTS</c>, or Kestrel endpoints). The container image sets
    /// <c>ASPNETCORE_HTTP_PORTS=8080</c> and so listens on every interface; <c>dotnet run</c> on a laptop stays on
    /// loopback. A pinned <c>Urls</c> in appsettings.json would override the container's port settings.
    /// </summary>
    public static WebApplicationBuilder UseLaptopUrlUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(LaptopUrl);
        }

        return builder;
    }

    /// <summary>camelCase JSON with enums as names and nulls left out, for every JSON endpoint.</summary>
    public static IServiceCollection AddCoachBotJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
}
