using System.Text.Json.Nodes;

namespace CoachBot.Teams.Connector;

/// <summary>One member of a Teams roster page (a <c>TeamsChannelAccount</c>).</summary>
/// <param name="Id">The member's id in conversations (<c>29:…</c> for people, <c>28:…</c> for bots).</param>
/// <param name="UserRole">user, guest, anonymous or bot, when Teams says.</param>
public sealed record TeamsMember(string Id, string? UserRole)
{
    /// <summary>True for a bot (CoachBot itself or another app): an id starting <c>28:</c> or the role bot.</summary>
    public bool IsBot => Id.StartsWith("28:", StringComparison.Ordinal) || string.Equals(UserRole, "bot", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for someone who joined a meeting without an account: nobody CoachBot can write to.</summary>
    public bool IsAnonymous => string.Equals(UserRole, "anonymous", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A page of <c>GET v3/conversations/{id}/pagedmembers</c>: members and the token of the next page, if any.</summary>
public sealed record TeamsMemberPage(IReadOnlyList<TeamsMember> Members, string? ContinuationToken)
{
    /// <summary>Reads the connector's answer; entries without an id are left out, an empty answer is an empty page.</summary>
    public static TeamsMemberPage Read(JsonNode? node)
    {
        if (node is not JsonObject page)
        {
            return new TeamsMemberPage([], null);
        }

        var members = new List<TeamsMember>();
        foreach (var entry in page["members"] as JsonArray ?? [])
        {
            if (Text(entry?["id"]) is { Length: > 0 } id)
            {
                members.Add(new TeamsMember(id, Text(entry?["userRole"])));
            }
        }

        return new TeamsMemberPage(members, Text(page["continuationToken"]) is { Length: > 0 } token ? token : null);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
