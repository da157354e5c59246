using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Auth;

/// <summary>Reads the Bot Framework <c>endorsements</c> (channel ids) that a JWKS key carries.</summary>
internal static class KeyEndorsements
{
    private const string Member = "endorsements";

    /// <summary>True when the key with <paramref name="keyId"/> lists <paramref name="channelId"/> (ordinal, ignoring case).</summary>
    public static bool Endorses(JsonWebKeySet? keySet, string keyId, string channelId)
    {
        var key = keySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        return key is not null && Read(key).Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The endorsements of one key; empty when it has none.</summary>
    public static IReadOnlyList<string> Read(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue(Member, out var value) || value is null)
        {
            return [];
        }

        return value switch
        {
            string single => [single],
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            JsonElement { ValueKind: JsonValueKind.String } text => [text.GetString()!],
            IEnumerable items => [.. items.Cast<object?>().Select(ToText).OfType<string>()],
            _ => [],
        };
    }

    private static string? ToText(object? item) => item switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => null,
    };
}
