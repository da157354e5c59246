using CoachBot.Slack.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>The app manifest asks for exactly what the code uses: scopes, events, the command and the URLs.</summary>
public sealed class SlackManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    [Fact]
    public void BotScopes_AreTheScopesTheInstallRequests()
    {
        var scopes = Sequence("oauth_config", "scopes", "bot");

        Assert.Equal(new SlackOptions().Scopes.Split(',').Order(), scopes.Order());
    }

    [Fact]
    public void BotEvents_AreExactlyTheEventsWithASubscriber()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCoachBotSlack(new ConfigurationBuilder().Build());
        // EventType returns a constant, so an uninitialised instance can tell it without the handler's dependencies.
        var handled = services.Where(d => d.ServiceType == typeof(ISlackEventSubscriber))
            .Select(d => ((ISlackEventSubscriber)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(d.ImplementationType!)).EventType)
            .Order()
            .ToList();
        var events = Sequence("settings", "event_subscriptions", "bot_events").Select(e => e == "message.im" ? "message" : e).Order().ToList();

        Assert.Equal(handled, events);
        Assert.Equal(
            ["app_home_opened", "app_mention", "app_uninstalled", "message", "tokens_revoked", "user_change"],
            events);
    }

    [Fact]
    public void Urls_PointAtTheEndpointsTheHostMaps()
    {
        Assert.EndsWith("/slack/events", Scalar("settings", "event_subscriptions", "request_url"), StringComparison.Ordinal);
        Assert.EndsWith("/slack/interactions", Scalar("settings", "interactivity", "request_url"), StringComparison.Ordinal);
        Assert.EndsWith("/slack/oauth", Sequence("oauth_config", "redirect_urls").Single(), StringComparison.Ordinal);
        var command = (YamlMappingNode)((YamlSequenceNode)Node("features", "slash_commands")).Children.Single();
        Assert.Equal("/coach", command["command"].ToString());
        Assert.EndsWith("/slack/commands", command["url"].ToString(), StringComparison.Ordinal);

        // Escaped, so `#team-a` and `@bob` arrive as channel and user ids: team reflections and 1-on-1s need ids.
        Assert.Equal("true", command["should_escape"].ToString());
    }

    [Fact]
    public void BotScopes_CanReadChannelMembersForTeamReflections()
    {
        Assert.Contains("channels:read", Sequence("oauth_config", "scopes", "bot"));
        Assert.Contains("groups:read", Sequence("oauth_config", "scopes", "bot"));
    }

    [Fact]
    public void LongDescription_LinksThePublicPages_AndTheManifestSaysWhereTheIconIs()
    {
        var description = Scalar("display_information", "long_description");

        Assert.Contains("https://coachbot.example.com/privacy", description, StringComparison.Ordinal);
        Assert.Contains("https://coachbot.example.com/terms", description, StringComparison.Ordinal);
        Assert.Contains("https://coachbot.example.com/support", description, StringComparison.Ordinal);
        Assert.InRange(description.Length, 175, 4000);
        Assert.Contains("bot/manifests/slack/app-icon.png", File.ReadAllText(ManifestPath()), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(ManifestPath())!, "slack", "app-icon.png")));
    }

    private static YamlNode Node(params string[] path) =>
        path.Aggregate<string, YamlNode>(Manifest, (node, key) => ((YamlMappingNode)node)[key]);

    private static string Scalar(params string[] path) => ((YamlScalarNode)Node(path)).Value!;

    private static List<string> Sequence(params string[] path) =>
        [.. ((YamlSequenceNode)Node(path)).Children.Select(c => ((YamlScalarNode)c).Value!)];

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(ManifestPath());
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string ManifestPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CoachBot.sln not found above the test output"), "bot", "manifests", "slack-app.yml");
    }
}
