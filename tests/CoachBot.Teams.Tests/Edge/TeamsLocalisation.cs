using System.Text.Json.Nodes;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>The strings of a Teams manifest that a localisation file must translate, under the file's key names.</summary>
internal static class TeamsLocalisation
{
    public static Dictionary<string, string> LocalisableStrings(JsonObject manifest)
    {
        var strings = new Dictionary<string, string>
        {
            ["name.short"] = (string)manifest["name"]!["short"]!,
            ["name.full"] = (string)manifest["name"]!["full"]!,
            ["description.short"] = (string)manifest["description"]!["short"]!,
            ["description.full"] = (string)manifest["description"]!["full"]!,
        };
        var bots = manifest["bots"]!.AsArray();
        for (var b = 0; b < bots.Count; b++)
        {
            var lists = bots[b]!["commandLists"]!.AsArray();
            for (var l = 0; l < lists.Count; l++)
            {
                var commands = lists[l]!["commands"]!.AsArray();
                for (var c = 0; c < commands.Count; c++)
                {
                    var key = $"bots[{b}].commandLists[{l}].commands[{c}]";
                    strings[key + ".title"] = (string)commands[c]!["title"]!;
                    strings[key + ".description"] = (string)commands[c]!["description"]!;
                }
            }
        }

        return strings;
    }
}
