using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Inbound;

/// <summary>
/// A single-tenant bot answers its own tenant only: with <see cref="TeamsOptions.TenantId"/> set, the activity must
/// name a tenant (conversation.tenantId or channelData.tenant.id; Teams sends both on personal and channel
/// activities) and every tenant it names must be that one.
/// </summary>
internal static class TeamsTenantCheck
{
    /// <summary>Why the activity's tenant is refused, or null when it may be used.</summary>
    public static string? Problem(Activity activity, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            return null;
        }

        var expected = options.TenantId.Trim();
        string?[] named = [activity.Conversation?.TenantId, ChannelDataTenant(activity)];
        var present = named.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (present.Count == 0)
        {
            return "the activity names no tenant (conversation.tenantId / channelData.tenant.id) while Teams:TenantId is set";
        }

        return present.All(t => string.Equals(t!.Trim(), expected, StringComparison.OrdinalIgnoreCase))
            ? null
            : "the activity's tenant is not Teams:TenantId";
    }

    private static string? ChannelDataTenant(Activity activity) =>
        activity.ChannelData?["tenant"] is System.Text.Json.Nodes.JsonObject tenant
        && tenant["id"] is System.Text.Json.Nodes.JsonValue id
        && id.TryGetValue<string>(out var value)
            ? value
            : null;
}
