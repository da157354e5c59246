using System.Collections.Frozen;
using CoachBot.Core.Users;

namespace CoachBot.Core.Reflections;

/// <summary>
/// Who belongs to a team's channel (docs/decisions/0037-real-team-membership.md). On a platform with a roster
/// (<see cref="IChannelRoster"/>) the roster decides, and the recorded members are brought in line with it whenever a
/// round opens or a lead sets a reflection up: people who joined are added, people who left are marked as gone (their
/// answers stay theirs). On a platform without one (the local channel) the members are the people who posted there.
/// </summary>
public sealed class TeamMembership
{
    private readonly IReflectionStore _store;
    private readonly FrozenDictionary<string, IChannelRoster> _rosters;

    public TeamMembership(IReflectionStore store, IEnumerable<IChannelRoster> rosters)
    {
        ArgumentNullException.ThrowIfNull(rosters);
        _store = store;
        _rosters = rosters.GroupBy(r => r.Channel, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="platform"/>'s channels have a roster, so posting there makes nobody a member.</summary>
    public bool HasRoster(string platform) => _rosters.ContainsKey(platform);

    /// <summary>
    /// Someone posted in <paramref name="channel"/>: on a platform without a roster that makes them a member; on one
    /// with a roster it changes nothing (only the roster says who is in a channel).
    /// </summary>
    public Task RecordPosterAsync(TeamChannel channel, UserRef poster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return HasRoster(channel.Channel) ? Task.CompletedTask : _store.AddMemberAsync(channel, poster, cancellationToken);
    }

    /// <summary>
    /// The channel's members now, with the recorded ones brought in line with the platform's roster first.
    /// </summary>
    /// <returns>
    /// The members; <see cref="ChannelMembers.Visible"/> is false (and the list empty, the records unchanged) when
    /// the platform says CoachBot cannot see the channel.
    /// </returns>
    /// <exception cref="ChannelRosterUnavailableException">The roster could not be read now; nothing was changed.</exception>
    public async Task<ChannelMembers> RefreshAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var recorded = await _store.ListMembersAsync(channel, cancellationToken);
        if (!_rosters.TryGetValue(channel.Channel, out var roster))
        {
            return new ChannelMembers(recorded, Visible: true);
        }

        if (await roster.ListPeopleAsync(channel, cancellationToken) is not { } people)
        {
            return new ChannelMembers([], Visible: false);
        }

        // Only people of the channel's own workspace or tenant: a roster answer is data, and a member recorded under
        // another tenant could never be reached through this channel anyway.
        var current = people.Where(p => p.Channel == channel.Channel && p.TenantId == channel.TenantId).Distinct().ToList();
        var before = recorded.ToHashSet();
        foreach (var joined in current.Where(p => !before.Contains(p)))
        {
            await _store.AddMemberAsync(channel, joined, cancellationToken);
        }

        var now = current.ToHashSet();
        foreach (var left in recorded.Where(p => !now.Contains(p)))
        {
            await _store.RemoveMemberAsync(channel, left, cancellationToken);
        }

        return new ChannelMembers([.. current.OrderBy(p => p.Key, StringComparer.Ordinal)], Visible: true);
    }

    /// <summary>
    /// True when <paramref name="user"/> is in <paramref name="channel"/>: by the platform's roster (refreshing the
    /// records), or by having posted there on a platform without one.
    /// </summary>
    /// <exception cref="ChannelRosterUnavailableException">The roster could not be read now.</exception>
    public async Task<bool> IsMemberAsync(TeamChannel channel, UserRef user, CancellationToken cancellationToken) =>
        (await RefreshAsync(channel, cancellationToken)).People.Contains(user);
}

/// <summary>A channel's members now.</summary>
/// <param name="People">The members, by user key.</param>
/// <param name="Visible">False when the platform says CoachBot cannot see the channel (not in it, or it is gone).</param>
public sealed record ChannelMembers(IReadOnlyList<UserRef> People, bool Visible);
