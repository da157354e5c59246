using System.Collections.Concurrent;
using CoachBot.Core.Reflections;

namespace CoachBot.Testing.Fakes;

/// <summary>In-memory <see cref="ITeamChannelAddressStore"/> for unit tests.</summary>
public sealed class InMemoryTeamChannelAddressStore : ITeamChannelAddressStore
{
    private readonly ConcurrentDictionary<TeamChannel, TeamChannelAddress> _addresses = new();

    public Task SaveAsync(TeamChannelAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        _addresses[address.Channel] = address;
        return Task.CompletedTask;
    }

    public Task<TeamChannelAddress?> GetAsync(TeamChannel channel, CancellationToken cancellationToken) =>
        Task.FromResult(_addresses.GetValueOrDefault(channel));
}
