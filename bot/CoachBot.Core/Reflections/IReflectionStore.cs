using CoachBot.Core.Users;

namespace CoachBot.Core.Reflections;

/// <summary>
/// Weekly team reflections: set-ups, channel members, rounds and answers. Answers are kept so that nothing read for a
/// summary says who wrote it: <see cref="ListAnswersAsync"/> returns <see cref="AnonymousAnswer"/>s, and only the
/// author, through their own <see cref="UserRef"/>, can read their answers back.
/// </summary>
public interface IReflectionStore
{
    /// <summary>The channel's reflection, or null when none was ever set up.</summary>
    Task<TeamReflection?> GetAsync(TeamChannel channel, CancellationToken cancellationToken);

    /// <summary>Inserts (null <see cref="TeamReflection.Version"/>) or replaces the set-up if still at its version.</summary>
    /// <returns>The reflection with its new version.</returns>
    /// <exception cref="Storage.ConcurrencyConflictException">Another save came first.</exception>
    Task<TeamReflection> SaveAsync(TeamReflection reflection, CancellationToken cancellationToken);

    /// <summary>Every reflection <paramref name="lead"/> set up, enabled or not, by channel key.</summary>
    Task<IReadOnlyList<TeamReflection>> ListLedByAsync(UserRef lead, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="member"/> is in <paramref name="channel"/> (again, when they had left); recording
    /// again changes nothing.
    /// </summary>
    Task AddMemberAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="member"/> left <paramref name="channel"/>: they are no longer listed, invited or
    /// able to answer, but the answers they gave stay theirs (<see cref="ListOwnAnswersAsync"/> and
    /// <see cref="DeleteUserDataAsync"/> still find them). Idempotent; a user never recorded changes nothing.
    /// </summary>
    Task RemoveMemberAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken);

    /// <summary>The channel's current members, by user key.</summary>
    Task<IReadOnlyList<UserRef>> ListMembersAsync(TeamChannel channel, CancellationToken cancellationToken);

    /// <summary>The channels <paramref name="member"/> is in now, by channel key.</summary>
    Task<IReadOnlyList<TeamChannel>> ListMembershipsAsync(UserRef member, CancellationToken cancellationToken);

    /// <summary>Adds a round unless the channel already has one for that week.</summary>
    /// <returns>The stored round (with its version), or null when the week already had one; nothing changed then.</returns>
    Task<ReflectionRound?> TryAddRoundAsync(ReflectionRound round, CancellationToken cancellationToken);

    /// <summary>Replaces a round if still at its version (closing it).</summary>
    /// <exception cref="Storage.ConcurrencyConflictException">Another save came first.</exception>
    Task<ReflectionRound> SaveRoundAsync(ReflectionRound round, CancellationToken cancellationToken);

    /// <summary>The channel's rounds, oldest week first.</summary>
    Task<IReadOnlyList<ReflectionRound>> ListRoundsAsync(TeamChannel channel, CancellationToken cancellationToken);

    /// <summary>The author's own answers to a round, or null when they have not answered.</summary>
    Task<ReflectionAnswer?> GetOwnAnswerAsync(UserRef author, TeamChannel channel, string week, CancellationToken cancellationToken);

    /// <summary>Inserts (null version) or replaces the author's answers to a round, conditional on the version read.</summary>
    /// <exception cref="Storage.ConcurrencyConflictException">Another save came first.</exception>
    Task<ReflectionAnswer> SaveOwnAnswerAsync(UserRef author, ReflectionAnswer answer, CancellationToken cancellationToken);

    /// <summary>Every author's answers to a round with nothing that says whose they are, in no meaningful order.</summary>
    Task<IReadOnlyList<AnonymousAnswer>> ListAnswersAsync(TeamChannel channel, string week, CancellationToken cancellationToken);

    /// <summary>
    /// Every answer <paramref name="author"/> gave to a round of a channel they are or were recorded in (only members
    /// are invited), oldest week first (for their export and `forget me`).
    /// </summary>
    Task<IReadOnlyList<ReflectionAnswer>> ListOwnAnswersAsync(UserRef author, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the user's answers, memberships and the set-ups they lead (`forget me`). Rounds stay: they hold no person.
    /// Idempotent.
    /// </summary>
    Task DeleteUserDataAsync(UserRef user, CancellationToken cancellationToken);
}
