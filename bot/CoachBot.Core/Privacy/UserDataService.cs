using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CoachBot.Core.Delivery;
using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.Installations;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Reflections;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Privacy;

/// <summary>
/// The user's data rights (PRODUCT.md section 6) over every store that keeps something about a person: collects
/// it all for `export` and deletes it all for `forget me`. A store port that gains per-user data must be added here,
/// or `forget me` silently stops keeping its promise.
/// </summary>
public sealed class UserDataService
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Keep Japanese notes readable in the file instead of \uXXXX escapes; HTML-sensitive characters stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),

        // Enum names (days, onboarding step, nudge channel) say more to a person reading their file than numbers.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly IUserStore _users;
    private readonly IProgressStore _progress;
    private readonly ISkillStore _skills;
    private readonly ITalkingPointStore _talkingPoints;
    private readonly IConversationReferenceStore _references;
    private readonly IDeliveryLedger _ledger;
    private readonly IOneOnOneStore _oneOnOnes;
    private readonly TimeProvider _clock;
    private readonly IReflectionStore _reflections;
    private readonly ILogger<UserDataService> _logger;
    private readonly IInbox _inbox;
    private readonly IEnumerable<IChannelCopies> _copies;
    private readonly ITeamHealthStore _teamHealth;
    private readonly ICalendarFeedStore? _calendarFeeds;

    public UserDataService(
        IUserStore users,
        IProgressStore progress,
        ISkillStore skills,
        ITalkingPointStore talkingPoints,
        IConversationReferenceStore references,
        IDeliveryLedger ledger,
        IOneOnOneStore oneOnOnes,
        TimeProvider clock,
        IReflectionStore reflections,
        ILogger<UserDataService> logger,
        IInbox inbox,
        IEnumerable<IChannelCopies> copies,
        ITeamHealthStore teamHealth,
        ICalendarFeedStore? calendarFeeds = null)
    {
        _users = users;
        _progress = progress;
        _skills = skills;
        _talkingPoints = talkingPoints;
        _references = references;
        _ledger = ledger;
        _oneOnOnes = oneOnOnes;
        _clock = clock;
        _reflections = reflections;
        _logger = logger;
        _inbox = inbox;
        _copies = copies;
        _teamHealth = teamHealth;
        _calendarFeeds = calendarFeeds;
    }

    /// <summary>Reads every record about the user from every store. Creates nothing.</summary>
    public async Task<UserData> CollectAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = await _users.GetAsync(user, cancellationToken);
        var practice = await _progress.ListAsync(user, DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var skills = await _skills.ListAsync(user, cancellationToken);
        var talkingPoints = await _talkingPoints.ListAsync(user, cancellationToken);
        var reference = await _references.GetAsync(user, cancellationToken);

        // 1-on-1s: only what the user may see in the conversation too (another person's private notes never).
        var pairings = (await _oneOnOnes.ListPairingsAsync(user, cancellationToken)).Where(p => p.Includes(user)).ToList();
        var notes = new List<MeetingNote>();
        var items = new List<ActionItem>();
        foreach (var pairing in pairings)
        {
            notes.AddRange((await _oneOnOnes.ListNotesAsync(pairing.Id, cancellationToken)).Where(n => n.IsVisibleTo(user)));
            items.AddRange(await _oneOnOnes.ListActionItemsAsync(pairing.Id, cancellationToken));
        }

        return new UserData(user, profile, practice, skills, talkingPoints, reference)
        {
            Pairings = pairings,
            MeetingNotes = notes,
            ActionItems = items,
            ReflectionAnswers = await _reflections.ListOwnAnswersAsync(user, cancellationToken),
            ReflectionChannels = await _reflections.ListMembershipsAsync(user, cancellationToken),
            ReflectionsLed = await _reflections.ListLedByAsync(user, cancellationToken),
            // That a feed exists and since when; never its token (only a hash is stored, and that opens nothing either).
            CalendarFeedSince = _calendarFeeds is null ? null : (await _calendarFeeds.GetAsync(user, cancellationToken))?.CreatedAt,
        };
    }

    /// <summary>
    /// Deletes every record about the user, including the user's delivery ledger keys. The profile goes last: if a
    /// store fails midway, the profile is still there, so the user is still known and `forget me` can simply be run
    /// again (every delete is idempotent).
    /// </summary>
    /// <returns>How many copies on the user's channel (<see cref="IChannelCopies"/>) could not be deleted yet.</returns>
    public async Task<int> DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var copiesLeft = 0;

        // The channel's copies first: their ids are in the user's rows, which go below.
        foreach (var copies in _copies)
        {
            copiesLeft += await copies.DeleteAllAsync(user, cancellationToken);
        }

        if (copiesLeft > 0)
        {
            // No user id: the count is what an operator needs to see that a retry is due.
            _logger.LogWarning("{Count} uploaded copies of a user's data on {Channel} could not be deleted yet; the next forget me retries them", copiesLeft, user.Channel);
        }

        await ForgetOneOnOnesAsync(user, cancellationToken);
        if (_calendarFeeds is not null)
        {
            // The feed's address stops working with the rows that name the user.
            await _calendarFeeds.DeleteAsync(user, cancellationToken);
        }

        await _progress.DeleteAllAsync(user, cancellationToken);
        await _skills.DeleteAllAsync(user, cancellationToken);
        await _talkingPoints.DeleteAllAsync(user, cancellationToken);
        await _references.DeleteAsync(user, cancellationToken);

        // Summaries already posted stay in their channels: they never held anything that names a person.
        await _reflections.DeleteUserDataAsync(user, cancellationToken);

        // The team-health weeks frozen for them as a lead: figures of three or more people, but theirs to see.
        await _teamHealth.DeleteAllAsync(user, cancellationToken);
        await _ledger.DeleteAllAsync(user, cancellationToken);

        // Raw events and commands still waiting (or being worked on) name the person; this turn's own item too,
        // which its worker then completes as already gone.
        await _inbox.DeleteNamingAsync(user.Channel, user.UserId, cancellationToken);
        await _users.DeleteAsync(user, cancellationToken);

        // A scheduled delivery that loaded the profile before it went may have written its ledger row since. Such a
        // delivery checks the profile again after its writes and cleans up when it is gone; one that saw the profile
        // still there wrote before this point, so sweeping once more after the profile catches it.
        await _ledger.DeleteAllAsync(user, cancellationToken);

        // No user id in the log: after `forget me` not even the logs should tie the person to CoachBot.
        _logger.LogInformation("Deleted every record of a user on {Channel} at their request", user.Channel);
        return copiesLeft;
    }

    /// <summary>
    /// Deletes the notes the user wrote and the action items they own or wrote, removes the user from the pairing index, and
    /// ends their pairings with the user's id replaced (the other person keeps their side of the history).
    /// </summary>
    private async Task ForgetOneOnOnesAsync(UserRef user, CancellationToken cancellationToken)
    {
        foreach (var pairing in await _oneOnOnes.ListPairingsAsync(user, cancellationToken))
        {
            if (!pairing.Includes(user))
            {
                continue;
            }

            foreach (var note in await _oneOnOnes.ListNotesAsync(pairing.Id, cancellationToken))
            {
                if (note.Author == user)
                {
                    await _oneOnOnes.DeleteNoteAsync(pairing.Id, note.Id, cancellationToken);
                }
            }

            foreach (var item in await _oneOnOnes.ListActionItemsAsync(pairing.Id, cancellationToken))
            {
                // Their own items, and the ones they wrote for the other person: both are the forgotten person's words.
                if (item.Owner == user || item.Author == user)
                {
                    await _oneOnOnes.DeleteActionItemAsync(pairing.Id, item.Number, cancellationToken);
                }
            }

            await _oneOnOnes.SavePairingAsync(pairing.Forget(user, _clock.GetUtcNow()), cancellationToken);
        }

        // Last: until then a failed run finds every pairing that still names the user and can simply be run again.
        await _oneOnOnes.RemoveParticipantAsync(user, cancellationToken);
    }

    /// <summary>The export file's name for the user's local date: <c>coachbot-export-yyyy-MM-dd.json</c>.</summary>
    public static string FileName(DateOnly localToday) =>
        $"coachbot-export-{localToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json";

    /// <summary>The export file: UTF-8 JSON, indented, camelCase, every record of <paramref name="data"/>.</summary>
    public static byte[] ToJson(UserData data, DateTimeOffset exportedAt) => ToJson([data], exportedAt);

    /// <summary>
    /// The export file of one person with several accounts (Slack Enterprise Grid: one per workspace of the org). The
    /// first account's records are the top level, exactly as for a single account; the others follow in
    /// <c>otherAccounts</c>, one group per account with its own <c>user</c> (whose tenant is the workspace). Grouped,
    /// not merged: 1-on-1s, notes and reflections belong to one workspace, and a merged list would hide which.
    /// </summary>
    public static byte[] ToJson(IReadOnlyList<UserData> accounts, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentOutOfRangeException.ThrowIfZero(accounts.Count);
        var document = Document(accounts[0]) with
        {
            ExportedAt = exportedAt,
            OtherAccounts = [.. accounts.Skip(1).Select(Document)],
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
    }

    private static ExportDocument Document(UserData data) => new(
        data.User, data.Profile, data.Practice, data.SkillAssessments, data.TalkingPoints, data.ConversationReference,
        data.Pairings, data.MeetingNotes, data.ActionItems,
        data.ReflectionAnswers, data.ReflectionChannels, data.ReflectionsLed)
    {
        CalendarFeed = data.CalendarFeedSince is { } since ? new CalendarFeedExport(true, since) : null,
    };

    /// <summary>The calendar feed part of the file: that one exists and since when, never its address.</summary>
    private sealed record CalendarFeedExport(bool Exists, DateTimeOffset CreatedAt);

    /// <summary>
    /// The file's top level, and each group of <see cref="OtherAccounts"/>; lists are always present (empty rather
    /// than missing) so the shape is stable. A group has neither the export time nor groups of its own.
    /// </summary>
    private sealed record ExportDocument(
        UserRef User,
        UserProfile? Profile,
        IReadOnlyList<PracticeEntry> Practice,
        IReadOnlyList<SkillAssessment> SkillAssessments,
        IReadOnlyList<TalkingPoint> TalkingPoints,
        ConversationReference? ConversationReference,
        IReadOnlyList<Pairing> Pairings,
        IReadOnlyList<MeetingNote> MeetingNotes,
        IReadOnlyList<ActionItem> ActionItems,
        IReadOnlyList<ReflectionAnswer> ReflectionAnswers,
        IReadOnlyList<TeamChannel> ReflectionChannels,
        IReadOnlyList<TeamReflection> ReflectionsLed)
    {
        // First in the file, as before groups existed.
        [JsonPropertyOrder(-1)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public DateTimeOffset? ExportedAt { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<ExportDocument>? OtherAccounts { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public CalendarFeedExport? CalendarFeed { get; init; }
    }
}
