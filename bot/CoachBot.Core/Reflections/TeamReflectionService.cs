using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.Reflections;

/// <summary>
/// What the scheduler calls for team reflections (it decides when; this decides what): open the week's round and
/// hand back one DM per member, close it and hand back the channel's summary, and say when the next one opens.
/// </summary>
public sealed class TeamReflectionService
{
    private readonly IReflectionStore _store;
    private readonly IUserStore _users;
    private readonly ContentLibrary _content;
    private readonly TeamMembership _membership;

    public TeamReflectionService(IReflectionStore store, IUserStore users, ContentLibrary content, TeamMembership membership)
    {
        _store = store;
        _users = users;
        _content = content;
        _membership = membership;
    }

    /// <summary>
    /// A message from <paramref name="member"/> arrived in <paramref name="channel"/>: a member of a local channel;
    /// nothing on a platform whose roster says who is in a channel (<see cref="TeamMembership.RecordPosterAsync"/>).
    /// </summary>
    public Task RecordMemberAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken) =>
        _membership.RecordPosterAsync(channel, member, cancellationToken);

    /// <summary>The next instant after <paramref name="after"/> the reflection opens (DST-correct in the lead's zone).</summary>
    public static DateTimeOffset NextOpenUtc(TeamReflection reflection, DateTimeOffset after) =>
        ReflectionSchedule.NextOpenUtc(reflection, after);

    /// <summary>Opens the week's round now, as if it had been scheduled now (a manual or test opening).</summary>
    public Task<IReadOnlyList<ReflectionInvitation>> OpenRoundAsync(TeamChannel channel, DateTimeOffset now, CancellationToken cancellationToken) =>
        OpenRoundAsync(channel, now, now, cancellationToken);

    /// <summary>
    /// Opens the week's round of an enabled reflection: the two core prompts and the week's rotating one, and a DM with the form for every member in
    /// their own language (the lead only when they take part). The round's week, prompts and window
    /// (<see cref="ReflectionSchedule.AnswerWindow"/>) count from <paramref name="scheduledAt"/>, the open the schedule
    /// named, not from <paramref name="now"/>: a message that went out late still closes when the schedule closes it,
    /// which is when the summary is posted and what the form promises.
    /// </summary>
    /// <returns>The DMs to send; empty when the reflection is off or missing, the week's round is already open (so a
    /// repeated call never messages anyone twice), or the round's window has passed already.</returns>
    /// <exception cref="ChannelRosterUnavailableException">The channel's roster could not be read; no round was opened.</exception>
    public async Task<IReadOnlyList<ReflectionInvitation>> OpenRoundAsync(
        TeamChannel channel, DateTimeOffset scheduledAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var reflection = await _store.GetAsync(channel, cancellationToken);
        if (reflection is not { Enabled: true } || now >= scheduledAt + ReflectionSchedule.AnswerWindow)
        {
            return [];
        }

        // Who is in the channel now: people who joined since the last round are asked, people who left are not.
        var members = (await _membership.RefreshAsync(channel, cancellationToken)).People.Where(reflection.Invites).ToList();
        var bank = _content.For(ContentLibrary.DefaultLanguage).ReflectionPrompts;
        var round = new ReflectionRound(
            channel,
            ReflectionSchedule.WeekOf(scheduledAt, reflection.TimeZoneId),
            scheduledAt,
            scheduledAt + ReflectionSchedule.AnswerWindow,
            ReflectionSchedule.PromptsFor(channel, scheduledAt, reflection.TimeZoneId, bank),
            members.Count);
        var added = await _store.TryAddRoundAsync(round, cancellationToken);
        if (added is null)
        {
            return [];
        }

        var invitations = new List<ReflectionInvitation>(members.Count);
        foreach (var member in members)
        {
            var profile = await _users.GetAsync(member, cancellationToken);
            var content = _content.For(profile?.Language ?? ContentLibrary.DefaultLanguage);
            invitations.Add(new ReflectionInvitation(member, ReflectionForm.Build(content, added, null, profile?.TimeZoneId ?? reflection.TimeZoneId)));
        }

        return invitations;
    }

    /// <summary>
    /// Closes the channel's open round and builds its summary in the lead's language from anonymous answers only.
    /// </summary>
    /// <returns>The summary to post in the channel, or null when no round is open.</returns>
    public async Task<Reply?> CloseRoundAsync(TeamChannel channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var rounds = await _store.ListRoundsAsync(channel, cancellationToken);
        if (rounds.LastOrDefault(r => r.ClosedAt is null) is not { } round)
        {
            return null;
        }

        // Closed first, so no answer can change after the summary has been built from them.
        var closed = await _store.SaveRoundAsync(round with { ClosedAt = now }, cancellationToken);
        var answers = await _store.ListAnswersAsync(channel, closed.Week, cancellationToken);
        var reflection = await _store.GetAsync(channel, cancellationToken);
        var lead = reflection is null ? null : await _users.GetAsync(reflection.Lead, cancellationToken);
        return ReflectionSummary.Build(_content, _content.For(lead?.Language ?? ContentLibrary.DefaultLanguage), closed, answers);
    }
}
