using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Core.Reflections;
using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Inbound;

/// <summary>
/// The team channel an activity came from (docs/decisions/0040-teams-channel-reflections.md): channelData.team.id and
/// channelData.channel.id of a <c>channel</c> conversation whose id is that channel (or a thread in it).
/// </summary>
/// <param name="TeamId">channelData.team.id.</param>
/// <param name="ChannelId">channelData.channel.id.</param>
/// <param name="RosterId">Whose members are the channel's people: the channel for a private or shared channel, else the team.</param>
public sealed record TeamsChannelOrigin(string TeamId, string ChannelId, string RosterId)
{
    /// <summary>What every Teams channel's reflection name starts with (<c>#teams-…</c>).</summary>
    public const string AliasPrefix = "teams-";

    /// <summary>
    /// The origin of a channel activity, or null when it is none: not a <c>channel</c> conversation, no team or channel
    /// id, or a channel id that is not the conversation's (replies would go elsewhere than the channel it names).
    /// </summary>
    public static TeamsChannelOrigin? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation is not { ConversationType: "channel", Id: { Length: > 0 } conversation }
            || Text(activity.ChannelData?["team"]?["id"]) is not { Length: > 0 } team
            || activity.ChannelData?["channel"] is not JsonObject channelData
            || Text(channelData["id"]) is not { Length: > 0 } channel)
        {
            return null;
        }

        // A channel message's conversation is the channel, or a thread in it ("<channel id>;messageid=…").
        if (conversation != channel && !conversation.StartsWith(channel + ";", StringComparison.Ordinal))
        {
            return null;
        }

        var ownMembers = Text(channelData["membershipType"]) is { } type
            && (type.Equals("private", StringComparison.OrdinalIgnoreCase) || type.Equals("shared", StringComparison.OrdinalIgnoreCase));
        return new TeamsChannelOrigin(team, channel, ownMembers ? channel : team);
    }

    /// <summary>
    /// The reflection name of a Teams channel: <c>teams-</c> and 12 hex digits of the SHA-256 of its id. Teams ids
    /// (<c>19:…@thread.tacv2</c>) are no name a person can type, and a channel's display name changes and repeats.
    /// </summary>
    public static string Alias(string channelId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        return AliasPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channelId)))[..12];
    }

    /// <summary>The reflections' name of this channel in <paramref name="tenantId"/>.</summary>
    public TeamChannel Channel(string tenantId) => new(TeamsTurns.Channel, tenantId, Alias(ChannelId));

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
