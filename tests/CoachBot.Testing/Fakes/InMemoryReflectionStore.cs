using System.Globalization;
using CoachBot.Core.Reflections;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary>
/// <see cref="IReflectionStore"/> in memory with the Azure store's layout: answers are kept under a random id per round
/// with no user, and a separate author index points from the author to that id.
/// </summary>
public sealed class InMemoryReflectionStore : IReflectionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TeamReflection> _reflections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, UserRef>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReflectionRound> _rounds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (IReadOnlyList<AnswerPart> Parts, DateTimeOffset UpdatedAt, string Version)>> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (UserRef Author, TeamChannel Channel, string Week, string AnswerId)> _authors = new(StringComparer.Ordinal);
    private long _lastVersion;

    public Task<TeamReflection?> GetAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_reflections.GetValueOrDefault(channel.Key));
        }
    }

    public Task<TeamReflection> SaveAsync(TeamReflection reflection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reflection);
        lock (_gate)
        {
            _reflections.TryGetValue(reflection.Channel.Key, out var stored);
            if (stored?.Version != reflection.Version)
            {
                throw new ConcurrencyConflictException("The team reflection changed since it was read.");
            }

            var saved = reflection with { Version = NextVersion() };
            _reflections[reflection.Channel.Key] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<IReadOnlyList<TeamReflection>> ListLedByAsync(UserRef lead, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TeamReflection> led = [.. _reflections.Values.Where(r => r.Lead == lead).OrderBy(r => r.Channel.Key, StringComparer.Ordinal)];
            return Task.FromResult(led);
        }
    }

    public Task AddMemberAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            if (!_members.TryGetValue(channel.Key, out var members))
            {
                _members[channel.Key] = members = new Dictionary<string, UserRef>(StringComparer.Ordinal);
            }

            members[member.Key] = member;
        }

        return Task.CompletedTask;
    }

    public Task RemoveMemberAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            // Answers are found by author here, so a leaver's answers stay theirs as the interface promises.
            if (_members.TryGetValue(channel.Key, out var members))
            {
                members.Remove(member.Key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UserRef>> ListMembersAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<UserRef> members = _members.TryGetValue(channel.Key, out var m)
                ? [.. m.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)]
                : [];
            return Task.FromResult(members);
        }
    }

    public Task<IReadOnlyList<TeamChannel>> ListMembershipsAsync(UserRef member, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TeamChannel> channels =
            [
                .. _members.Where(c => c.Value.ContainsKey(member.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Parse(c.Key)),
            ];
            return Task.FromResult(channels);
        }
    }

    public Task<ReflectionRound?> TryAddRoundAsync(ReflectionRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        lock (_gate)
        {
            var key = RoundKey(round.Channel, round.Week);
            if (_rounds.ContainsKey(key))
            {
                return Task.FromResult<ReflectionRound?>(null);
            }

            var saved = round with { Version = NextVersion() };
            _rounds[key] = saved;
            return Task.FromResult<ReflectionRound?>(saved);
        }
    }

    public Task<ReflectionRound> SaveRoundAsync(ReflectionRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        lock (_gate)
        {
            var key = RoundKey(round.Channel, round.Week);
            if (!_rounds.TryGetValue(key, out var stored) || stored.Version != round.Version)
            {
                throw new ConcurrencyConflictException("The round changed or disappeared since it was read.");
            }

            var saved = round with { Version = NextVersion() };
            _rounds[key] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<IReadOnlyList<ReflectionRound>> ListRoundsAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ReflectionRound> rounds =
                [.. _rounds.Values.Where(r => r.Channel == channel).OrderBy(r => r.Week, StringComparer.Ordinal)];
            return Task.FromResult(rounds);
        }
    }

    public Task<ReflectionAnswer?> GetOwnAnswerAsync(UserRef author, TeamChannel channel, string week, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Own(author, channel, week));
        }
    }

    public Task<ReflectionAnswer> SaveOwnAnswerAsync(UserRef author, ReflectionAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(answer);
        lock (_gate)
        {
            var indexKey = AuthorKey(author, answer.Channel, answer.Week);
            var current = Own(author, answer.Channel, answer.Week);
            if (current?.Version != answer.Version)
            {
                throw new ConcurrencyConflictException("The answers changed since they were read.");
            }

            var answerId = _authors.TryGetValue(indexKey, out var index) ? index.AnswerId : Guid.NewGuid().ToString("N");
            _authors[indexKey] = (author, answer.Channel, answer.Week, answerId);
            var roundKey = RoundKey(answer.Channel, answer.Week);
            if (!_answers.TryGetValue(roundKey, out var round))
            {
                _answers[roundKey] = round = new(StringComparer.Ordinal);
            }

            var version = NextVersion();
            round[answerId] = (answer.Parts, answer.UpdatedAt, version);
            return Task.FromResult(answer with { Version = version });
        }
    }

    public Task<IReadOnlyList<AnonymousAnswer>> ListAnswersAsync(TeamChannel channel, string week, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<AnonymousAnswer> answers = _answers.TryGetValue(RoundKey(channel, week), out var round)
                ? [.. round.Values.Select(a => new AnonymousAnswer(a.Parts))]
                : [];
            return Task.FromResult(answers);
        }
    }

    public Task<IReadOnlyList<ReflectionAnswer>> ListOwnAnswersAsync(UserRef author, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ReflectionAnswer> answers =
            [
                .. _authors.Values.Where(a => a.Author == author)
                    .Select(a => Own(author, a.Channel, a.Week))
                    .OfType<ReflectionAnswer>()
                    .OrderBy(a => a.Week, StringComparer.Ordinal)
                    .ThenBy(a => a.Channel.Key, StringComparer.Ordinal),
            ];
            return Task.FromResult(answers);
        }
    }

    public Task DeleteUserDataAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            foreach (var (key, index) in _authors.Where(a => a.Value.Author == user).ToList())
            {
                if (_answers.TryGetValue(RoundKey(index.Channel, index.Week), out var round))
                {
                    round.Remove(index.AnswerId);
                }

                _authors.Remove(key);
            }

            foreach (var members in _members.Values)
            {
                members.Remove(user.Key);
            }

            foreach (var led in _reflections.Where(r => r.Value.Lead == user).Select(r => r.Key).ToList())
            {
                _reflections.Remove(led);
            }
        }

        return Task.CompletedTask;
    }

    private ReflectionAnswer? Own(UserRef author, TeamChannel channel, string week)
    {
        if (!_authors.TryGetValue(AuthorKey(author, channel, week), out var index)
            || !_answers.TryGetValue(RoundKey(channel, week), out var round)
            || !round.TryGetValue(index.AnswerId, out var stored))
        {
            return null;
        }

        return new ReflectionAnswer(channel, week, stored.Parts, stored.UpdatedAt) { Version = stored.Version };
    }

    private static TeamChannel Parse(string key)
    {
        var parts = key.Split('|', 3);
        return new TeamChannel(parts[0], parts[1], parts[2]);
    }

    private static string RoundKey(TeamChannel channel, string week) => channel.Key + "\n" + week;

    private static string AuthorKey(UserRef author, TeamChannel channel, string week) => author.Key + "\n" + channel.Key + "\n" + week;

    private string NextVersion() => (++_lastVersion).ToString(CultureInfo.InvariantCulture);
}
