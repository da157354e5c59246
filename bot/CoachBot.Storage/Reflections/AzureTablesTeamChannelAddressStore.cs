using CoachBot.Core.Reflections;

namespace CoachBot.Storage.Reflections;

/// <summary>
/// <see cref="ITeamChannelAddressStore"/> on the TeamChannelAddresses table: PartitionKey = encoded channel key, one
/// row per channel. Ids of teams and channels only, so forget me and uninstall purges have nothing to remove here.
/// </summary>
public sealed class AzureTablesTeamChannelAddressStore : ITeamChannelAddressStore
{
    private const string Row = "address";

    private readonly CoachBotTables _tables;

    public AzureTablesTeamChannelAddressStore(CoachBotTables tables) => _tables = tables;

    public Task SaveAsync(TeamChannelAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _tables.UpsertEntityAsync(StorageTableNames.TeamChannelAddresses, TeamChannelAddressEntity.From(address, TableKeys.Encode(address.Channel.Key), Row), cancellationToken);
    }

    public async Task<TeamChannelAddress?> GetAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var row = await _tables.GetEntityOrDefaultAsync<TeamChannelAddressEntity>(
            StorageTableNames.TeamChannelAddresses, TableKeys.Encode(channel.Key), Row, cancellationToken);

        // The row names the channel it was written for: a shortened key can never hand one channel another's address.
        return row?.ToAddress() is { } address && address.Channel == channel ? address : null;
    }
}

/// <summary>The TeamChannelAddresses row of one channel.</summary>
internal sealed class TeamChannelAddressEntity : TableRow
{
    public string Platform { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    public string ServiceUrl { get; set; } = string.Empty;

    public string TeamId { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public string RosterId { get; set; } = string.Empty;

    public string? BotId { get; set; }

    public DateTimeOffset? SeenAt { get; set; }

    public static TeamChannelAddressEntity From(TeamChannelAddress address, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Platform = address.Channel.Channel,
        TenantId = address.Channel.TenantId,
        ConversationId = address.Channel.ConversationId,
        ServiceUrl = address.ServiceUrl,
        TeamId = address.TeamId,
        ChannelId = address.ChannelId,
        RosterId = address.RosterId,
        BotId = address.BotId,
        SeenAt = TableDates.ToColumn(address.SeenAt),
    };

    public TeamChannelAddress ToAddress() => new(
        new TeamChannel(Platform, TenantId, ConversationId), ServiceUrl, TeamId, ChannelId, RosterId, BotId, TableDates.FromColumn(SeenAt));
}
