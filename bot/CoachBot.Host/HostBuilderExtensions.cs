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

    /// <summary>camelCase JSON with enums as names and nulls left out, for every JSON endpoint.</summary>
    public static IServiceCollection AddCoachBotJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
}
