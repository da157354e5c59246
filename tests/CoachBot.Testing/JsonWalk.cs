using System.Text.Json.Nodes;

namespace CoachBot.Testing;

/// <summary>Walks a JSON answer (Block Kit, an Adaptive Card, an export) the way tests read it.</summary>
public static class JsonWalk
{
    /// <summary>The node's objects, itself first, depth first.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.Select(p => p.Value).SelectMany(Objects)],
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };

    /// <summary>Every string value under the node, in document order.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>Every string value under the node, one per line: what a person could read.</summary>
    public static string Text(JsonNode? node) => string.Join("\n", Strings(node));
}
