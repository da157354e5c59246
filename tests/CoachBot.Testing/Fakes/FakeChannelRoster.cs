using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary>
/// A platform's channel roster for unit tests: the people a test puts in each channel, null for a channel CoachBot
/// cannot see (<see cref="Hide"/>), or a failure (<see cref="FailWith"/>). Counts the calls.
/// </summary>
public sealed class FakeChannelRoster(string channel = "local") : IChannelRoster
{
    private readonly Dictionary<string, List<UserRef>> _people = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string Channel { get; } = channel;

    /// <summary>When set, every call throws it.</summary>
    public Exception? FailWith { get; set; }

    public int Calls { get; private set; }

    public void Set(TeamChannel teamChannel, params UserRef[] people)
    {
        lock (_gate)
        {
            _people[teamChannel.Key] = [.. people];
            _hidden.Remove(teamChannel.Key);
        }
    }

    public void Hide(TeamChannel teamChannel)
    {
        lock (_gate)
        {
            _hidden.Add(teamChannel.Key);
        }
    }

    public Task<IReadOnlyList<UserRef>?> ListPeopleAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            Calls++;
            if (FailWith is { } failure)
            {
                throw failure;
            }

            IReadOnlyList<UserRef>? people = _hidden.Contains(channel.Key) ? null : [.. _people.GetValueOrDefault(channel.Key) ?? []];
            return Task.FromResult(people);
        }
    }
}
