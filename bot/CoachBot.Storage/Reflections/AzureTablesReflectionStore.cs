using Azure;
using Azure.Data.Tables;
using CoachBot.Core.Reflections;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Reflections;

/// <summary>
/// <see cref="IReflectionStore"/> on five tables (docs/decisions/0010-team-reflections.md):
/// ReflectionTeams (set-ups, PK channel), ReflectionMembers (PK channel, RK member), ReflectionRounds (PK channel,
/// RK week) and ReflectionAnswers (PK channel and week, RK the keyed hash of <see cref="ReflectionAnswerKey"/>, no
/// user column). Nothing stored points from an author to an answer: the author finds their row by computing its id
/// again, which needs the key. ReflectionAuthors holds only pointers written before that (random ids); they are
/// still read, so those answers stay editable, exportable and deletable, and no new pointer is written.
/// ReflectionsByUser (<see cref="ReflectionUserIndex"/>, docs/decisions/0022-reflection-index-rows.md) answers "which
/// reflections does this user lead / belong to" from the user's own partition.
/// </summary>
public sealed class AzureTablesReflectionStore : IReflectionStore
{
    private const string SetupRowKey = "setup";

    private readonly CoachBotTables _tables;
    private readonly ReflectionAnswerKey _answerKey;
    private readonly ReflectionUserIndex _index;

    public AzureTablesReflectionStore(CoachBotTables tables, ReflectionAnswerKey answerKey)
    {
        _tables = tables;
        _answerKey = answerKey;
        _index = new ReflectionUserIndex(tables);
    }

    public async Task<TeamReflection?> GetAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var row = await _tables.GetEntityOrDefaultAsync<TeamReflectionEntity>(
            StorageTableNames.ReflectionTeams, TeamKey(channel), SetupRowKey, cancellationToken);
        return row?.ToReflection();
    }

    public async Task<TeamReflection> SaveAsync(TeamReflection reflection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reflection);
        var row = TeamReflectionEntity.From(reflection, TeamKey(reflection.Channel), SetupRowKey);
        if (reflection.Version is null)
        {
            // Index row first: if the insert then fails (a crash, or another set-up came first) it points at a set-up
            // this user does not lead, which readers check and skip.
            await _index.AddAsync(ReflectionUserIndex.Lead, reflection.Lead, reflection.Channel, cancellationToken);
            var added = await _tables.TryAddEntityAsync(StorageTableNames.ReflectionTeams, row, cancellationToken)
                ?? throw new ConcurrencyConflictException($"{reflection.Channel.DisplayName} already has a team reflection; re-read it and change that one.");
            return reflection with { Version = added.ToString() };
        }

        // A lead change moves the index row: the new lead's before the update, the previous lead's removed after it.
        // The update is conditional on the version read, so when it succeeds the lead read here is the one replaced.
        var stored = await _tables.GetEntityOrDefaultAsync<TeamReflectionEntity>(
            StorageTableNames.ReflectionTeams, row.PartitionKey, row.RowKey, cancellationToken);
        var previous = stored?.ToReflection().Lead is { } was && was != reflection.Lead ? was : null;
        var previousIndex = previous is null ? null : await _index.GetETagAsync(ReflectionUserIndex.Lead, previous, reflection.Channel, cancellationToken);
        await _index.AddAsync(ReflectionUserIndex.Lead, reflection.Lead, reflection.Channel, cancellationToken);
        var etag = await _tables.UpdateEntityAsync(StorageTableNames.ReflectionTeams, row, new ETag(reflection.Version), cancellationToken);
        if (previous is not null && previousIndex is { } index)
        {
            await _index.DeleteIfUnchangedAsync(ReflectionUserIndex.Lead, previous, reflection.Channel, index, cancellationToken);
        }

        return reflection with { Version = etag.ToString() };
    }

    public async Task<IReadOnlyList<TeamReflection>> ListLedByAsync(UserRef lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return [.. (await LedByAsync(lead, cancellationToken)).OrderBy(r => r.Channel.Key, StringComparer.Ordinal)];
    }

    public async Task AddMemberAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(member);

        // Index row first (see SaveAsync), rewritten every time: that also repairs a membership recorded before the
        // index existed or by an older replica. The member row is inserted; an existing one (409) is the same fact,
        // unless it says the member left, and then it is replaced by one that does not.
        await _index.AddAsync(ReflectionUserIndex.Member, member, channel, cancellationToken);
        var row = ReflectionMemberEntity.From(channel, member, TeamKey(channel), TableKeys.ForUser(member));
        if (await _tables.TryAddEntityAsync(StorageTableNames.ReflectionMembers, row, cancellationToken) is null
            && (await MemberRowAsync(channel, member, cancellationToken))?.Left == true)
        {
            await _tables.UpsertEntityAsync(StorageTableNames.ReflectionMembers, row, cancellationToken);
        }
    }

    public async Task RemoveMemberAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(member);

        // The row is kept, marked: it is how the member's own answers to the channel's rounds are found.
        if (await MemberRowAsync(channel, member, cancellationToken) is { Left: false } row)
        {
            row.Left = true;
            await _tables.UpsertEntityAsync(StorageTableNames.ReflectionMembers, row, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<UserRef>> ListMembersAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var rows = await _tables.QueryAsync<ReflectionMemberEntity>(
            StorageTableNames.ReflectionMembers, TableClient.CreateQueryFilter($"PartitionKey eq {TeamKey(channel)}"), select: null, cancellationToken);
        return [.. rows.Where(r => !r.Left).Select(r => r.ToMember()).OrderBy(m => m.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<TeamChannel>> ListMembershipsAsync(UserRef member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return [.. (await MembershipsAsync(member, includeLeft: false, cancellationToken)).OrderBy(c => c.Key, StringComparer.Ordinal)];
    }

    public async Task<ReflectionRound?> TryAddRoundAsync(ReflectionRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = ReflectionRoundEntity.From(round, TeamKey(round.Channel), TableKeys.Encode(round.Week));
        var etag = await _tables.TryAddEntityAsync(StorageTableNames.ReflectionRounds, row, cancellationToken);
        return etag is { } added ? round with { Version = added.ToString() } : null;
    }

    public async Task<ReflectionRound> SaveRoundAsync(ReflectionRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Version is null)
        {
            throw new ConcurrencyConflictException("The round was never saved; add it with TryAddRoundAsync first.");
        }

        var row = ReflectionRoundEntity.From(round, TeamKey(round.Channel), TableKeys.Encode(round.Week));
        var etag = await _tables.UpdateEntityAsync(StorageTableNames.ReflectionRounds, row, new ETag(round.Version), cancellationToken);
        return round with { Version = etag.ToString() };
    }

    public async Task<IReadOnlyList<ReflectionRound>> ListRoundsAsync(TeamChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var rows = await _tables.QueryAsync<ReflectionRoundEntity>(
            StorageTableNames.ReflectionRounds, TableClient.CreateQueryFilter($"PartitionKey eq {TeamKey(channel)}"), select: null, cancellationToken);
        return [.. rows.Select(r => r.ToRound()).OrderBy(r => r.Week, StringComparer.Ordinal)];
    }

    public async Task<ReflectionAnswer?> GetOwnAnswerAsync(UserRef author, TeamChannel channel, string week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(channel);
        var rowKey = await OwnRowKeyAsync(author, channel, week, cancellationToken);
        return await ReadOwnAsync(channel, week, rowKey, cancellationToken);
    }

    public async Task<ReflectionAnswer> SaveOwnAnswerAsync(UserRef author, ReflectionAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(answer);
        var rowKey = await OwnRowKeyAsync(author, answer.Channel, answer.Week, cancellationToken);
        var row = ReflectionAnswerEntity.From(answer, AnswersKey(answer.Channel, answer.Week), rowKey);
        var etag = answer.Version is null
            ? await _tables.TryAddEntityAsync(StorageTableNames.ReflectionAnswers, row, cancellationToken)
                ?? throw new ConcurrencyConflictException("These answers were already saved; re-read them and save again.")
            : await _tables.UpdateEntityAsync(StorageTableNames.ReflectionAnswers, row, new ETag(answer.Version), cancellationToken);
        return answer with { Version = etag.ToString() };
    }

    public async Task<IReadOnlyList<AnonymousAnswer>> ListAnswersAsync(TeamChannel channel, string week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);

        // Only the text and consent columns are selected: even the random row id stays in the store.
        var rows = await _tables.QueryAsync<ReflectionAnswerEntity>(
            StorageTableNames.ReflectionAnswers,
            TableClient.CreateQueryFilter($"PartitionKey eq {AnswersKey(channel, week)}"),
            ReflectionAnswerEntity.SummaryColumns,
            cancellationToken);
        return [.. rows.Select(r => new AnonymousAnswer(r.ToParts()))];
    }

    public async Task<IReadOnlyList<ReflectionAnswer>> ListOwnAnswersAsync(UserRef author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        var answers = new List<ReflectionAnswer>();
        foreach (var (channel, week, rowKey) in await OwnRowsAsync(author, await MembershipsAsync(author, includeLeft: true, cancellationToken), cancellationToken))
        {
            if (await ReadOwnAsync(channel, week, rowKey, cancellationToken) is { } answer)
            {
                answers.Add(answer);
            }
        }

        return [.. answers.OrderBy(a => a.Week, StringComparer.Ordinal).ThenBy(a => a.Channel.Key, StringComparer.Ordinal)];
    }

    public async Task DeleteUserDataAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        // From the index like every other read (no scan: the uninstall purge runs this for every user of a tenant).
        var memberships = await MembershipsAsync(user, includeLeft: true, cancellationToken);
        var led = (await LedByAsync(user, cancellationToken)).Select(r => r.Channel).ToList();

        // Answers before the memberships and old pointers that find them, and the index rows last: a failure midway
        // leaves those, so running `forget me` again finds the rest.
        foreach (var (channel, week, rowKey) in await OwnRowsAsync(user, memberships, cancellationToken))
        {
            await _tables.DeleteEntityAsync(StorageTableNames.ReflectionAnswers, AnswersKey(channel, week), rowKey, cancellationToken);
        }

        await _tables.DeletePartitionAsync(StorageTableNames.ReflectionAuthors, TableKeys.ForUser(user), cancellationToken);
        foreach (var channel in memberships)
        {
            await _tables.DeleteEntityAsync(StorageTableNames.ReflectionMembers, TeamKey(channel), TableKeys.ForUser(user), cancellationToken);
        }

        foreach (var channel in led)
        {
            await _tables.DeleteEntityAsync(StorageTableNames.ReflectionTeams, TeamKey(channel), SetupRowKey, cancellationToken);
        }

        await _index.DeleteUserAsync(user, cancellationToken);
    }

    /// <summary>
    /// The row id of the author's answer to one round: an old pointer's random id when one exists, otherwise the keyed
    /// hash (which is all that new answers have).
    /// </summary>
    private async Task<string> OwnRowKeyAsync(UserRef author, TeamChannel channel, string week, CancellationToken cancellationToken)
    {
        var legacy = await _tables.GetEntityOrDefaultAsync<ReflectionAuthorEntity>(
            StorageTableNames.ReflectionAuthors, TableKeys.ForUser(author), RoundKey(channel, week), cancellationToken);
        return legacy?.AnswerId ?? await _answerKey.RowKeyAsync(author, channel, week, cancellationToken);
    }

    /// <summary>
    /// Every row id the author may have an answer under: each round of each channel they are a member of (only members
    /// are invited to answer), and the rounds of old pointers.
    /// </summary>
    private async Task<IReadOnlyList<(TeamChannel Channel, string Week, string RowKey)>> OwnRowsAsync(
        UserRef author, IReadOnlyList<TeamChannel> memberships, CancellationToken cancellationToken)
    {
        var rows = new List<(TeamChannel, string, string)>();
        var legacy = await AuthorRowsAsync(author, cancellationToken);
        rows.AddRange(legacy.Select(index => (index.ToChannel(), index.Week, index.AnswerId)));
        foreach (var channel in memberships)
        {
            foreach (var round in await ListRoundsAsync(channel, cancellationToken))
            {
                rows.Add((channel, round.Week, await _answerKey.RowKeyAsync(author, channel, round.Week, cancellationToken)));
            }
        }

        return rows;
    }

    private async Task<ReflectionAnswer?> ReadOwnAsync(TeamChannel channel, string week, string rowKey, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<ReflectionAnswerEntity>(
            StorageTableNames.ReflectionAnswers, AnswersKey(channel, week), rowKey, cancellationToken);
        return row is null
            ? null
            : new ReflectionAnswer(channel, week, row.ToParts(), TableDates.FromColumn(row.UpdatedAt)) { Version = row.ETag.ToString() };
    }

    private Task<IReadOnlyList<ReflectionAuthorEntity>> AuthorRowsAsync(UserRef author, CancellationToken cancellationToken) =>
        _tables.QueryAsync<ReflectionAuthorEntity>(
            StorageTableNames.ReflectionAuthors, TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.ForUser(author)}"), select: null, cancellationToken);

    /// <summary>
    /// The set-ups <paramref name="lead"/> leads: their index rows, each checked against the set-up it points at (a
    /// stale row, left by a crash or a lead change that lost a race, names a set-up led by someone else or none).
    /// </summary>
    private async Task<IReadOnlyList<TeamReflection>> LedByAsync(UserRef lead, CancellationToken cancellationToken)
    {
        if (!await _index.IsReadyAsync(cancellationToken))
        {
            return [.. (await ScanLedByAsync(lead, cancellationToken))];
        }

        var led = new List<TeamReflection>();
        foreach (var channel in await _index.ListAsync(ReflectionUserIndex.Lead, lead, cancellationToken))
        {
            if (await GetAsync(channel, cancellationToken) is { } reflection && reflection.Lead == lead)
            {
                led.Add(reflection);
            }
        }

        return led;
    }

    /// <summary>
    /// The channels <paramref name="member"/> is in (and, with <paramref name="includeLeft"/>, has left): their index
    /// rows, each checked against its member row.
    /// </summary>
    private async Task<IReadOnlyList<TeamChannel>> MembershipsAsync(UserRef member, bool includeLeft, CancellationToken cancellationToken)
    {
        if (!await _index.IsReadyAsync(cancellationToken))
        {
            return [.. (await ScanMembershipsAsync(member, cancellationToken)).Where(r => includeLeft || !r.Left).Select(r => r.ToChannel())];
        }

        var channels = new List<TeamChannel>();
        foreach (var channel in await _index.ListAsync(ReflectionUserIndex.Member, member, cancellationToken))
        {
            if (await MemberRowAsync(channel, member, cancellationToken) is { } row && (includeLeft || !row.Left))
            {
                channels.Add(channel);
            }
        }

        return channels;
    }

    // The cross-partition scans the index replaced: read only until the backfill is done (docs/decisions/0022).
    private async Task<IReadOnlyList<TeamReflection>> ScanLedByAsync(UserRef lead, CancellationToken cancellationToken) =>
        [.. (await _tables.QueryAsync<TeamReflectionEntity>(
            StorageTableNames.ReflectionTeams, TableClient.CreateQueryFilter($"LeadKey eq {lead.Key}"), select: null, cancellationToken))
            .Select(r => r.ToReflection())];

    private Task<IReadOnlyList<ReflectionMemberEntity>> ScanMembershipsAsync(UserRef member, CancellationToken cancellationToken) =>
        _tables.QueryAsync<ReflectionMemberEntity>(
            StorageTableNames.ReflectionMembers, TableClient.CreateQueryFilter($"MemberKey eq {member.Key}"), select: null, cancellationToken);

    private Task<ReflectionMemberEntity?> MemberRowAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken) =>
        _tables.GetEntityOrDefaultAsync<ReflectionMemberEntity>(
            StorageTableNames.ReflectionMembers, TeamKey(channel), TableKeys.ForUser(member), cancellationToken);

    private static string TeamKey(TeamChannel channel) => TableKeys.Encode(channel.Key);

    private static string RoundKey(TeamChannel channel, string week) => TableKeys.Encode(channel.Key + "|" + week);

    private static string AnswersKey(TeamChannel channel, string week) => TableKeys.Encode(channel.Key + "|" + week);
}
