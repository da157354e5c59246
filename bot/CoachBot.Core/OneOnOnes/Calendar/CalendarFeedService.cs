using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes.Calendar;

/// <summary>
/// Makes, replaces and reads a user's private 1-on-1 calendar feed (docs/decisions/0038-calendar-feed.md). The feed is
/// built from the stores whenever a calendar app fetches it, so reschedules, pauses and ends show on the next refresh.
/// </summary>
public sealed class CalendarFeedService
{
    /// <summary>How far ahead the feed lists meetings.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(12 * 7);

    /// <summary>How long each meeting is blocked: pairings have no length, and 30 minutes is the common 1-on-1.</summary>
    public static readonly TimeSpan MeetingLength = TimeSpan.FromMinutes(30);

    private readonly ICalendarFeedStore? _feeds;
    private readonly IOneOnOneStore _oneOnOnes;
    private readonly IUserStore _users;
    private readonly ContentLibrary _content;

    /// <param name="feeds">The feed store; none in hosts that serve no feeds (no <see cref="ICalendarFeedLinks"/> either,
    /// so <see cref="CalendarHandler"/> says so before anything here is asked).</param>
    /// <param name="oneOnOnes">The pairings and their action items.</param>
    /// <param name="users">Profiles (language, time zone, names).</param>
    /// <param name="content">The feed's texts.</param>
    public CalendarFeedService(IEnumerable<ICalendarFeedStore> feeds, IOneOnOneStore oneOnOnes, IUserStore users, ContentLibrary content)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        _feeds = feeds.FirstOrDefault();
        _oneOnOnes = oneOnOnes;
        _users = users;
        _content = content;
    }

    private ICalendarFeedStore Store => _feeds ?? throw new InvalidOperationException("No ICalendarFeedStore is registered (AddCoachBotStorage).");

    /// <summary>The user's current feed, or null.</summary>
    public Task<CalendarFeedRecord?> GetAsync(UserRef user, CancellationToken cancellationToken) => Store.GetAsync(user, cancellationToken);

    /// <summary>A new token for the user; the previous one (if any) stops working. The token itself is not kept.</summary>
    /// <param name="user">Whose feed.</param>
    /// <param name="now">When it is made.</param>
    /// <param name="madeByTurn">The key of the message asking for it (<see cref="Conversation.TurnKeys"/>), if any.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<string> ReplaceAsync(UserRef user, DateTimeOffset now, string? madeByTurn, CancellationToken cancellationToken)
    {
        var token = CalendarFeedTokens.New();
        await Store.ReplaceAsync(user, new CalendarFeedRecord(CalendarFeedTokens.Hash(token)!, now, madeByTurn), cancellationToken);
        return token;
    }

    /// <summary>
    /// The zone the user's feed is written in: their stored profile's (UTC for someone who never stored one, as the
    /// channel's hint is not kept). The command says this zone, so the answer and the feed agree.
    /// </summary>
    public async Task<string> ZoneAsync(UserRef user, CancellationToken cancellationToken) =>
        ZoneOf(await _users.GetAsync(user, cancellationToken) ?? new UserProfile { User = user });

    private static string ZoneOf(UserProfile profile) =>
        TimeZones.TryFind(profile.TimeZoneId, out var found) && found.HasIanaId ? found.Id : "UTC";

    /// <summary>Whose feed the token opens; null for a malformed, unknown or replaced token.</summary>
    public async Task<UserRef?> FindAsync(string? token, CancellationToken cancellationToken) =>
        CalendarFeedTokens.Hash(token) is { } hash ? await Store.FindUserAsync(hash, cancellationToken) : null;

    /// <summary>
    /// The user's feed at <paramref name="now"/>: one event per meeting of each active pairing they are part of (as
    /// manager or report) that has not ended yet and starts within <see cref="Horizon"/>. Proposed, paused and ended
    /// pairings have no events. Nothing is written.
    /// </summary>
    public async Task<CalendarFeed> BuildAsync(UserRef user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = await _users.GetAsync(user, cancellationToken) ?? new UserProfile { User = user };
        var language = _content.Supports(profile.Language) ? profile.Language : ContentLibrary.DefaultLanguage;
        var strings = _content.For(language).Strings;
        var zone = ZoneOf(profile);

        var meetings = new List<CalendarMeeting>();
        foreach (var pairing in await _oneOnOnes.ListPairingsAsync(user, cancellationToken))
        {
            if (!pairing.Includes(user) || pairing.State != PairingState.Active)
            {
                continue;
            }

            var other = pairing.Other(user);
            var otherName = OneOnOneText.Name(other, await _users.GetAsync(other, cancellationToken));
            // Calendars show text as it is: names and items typed in Slack or Teams lose their chat markup here.
            var summary = ChatMarkup.ToPlainText(strings.Format("calendar.event.summary", ("person", otherName)));
            var agendaLine = strings.Format("calendar.event.agenda", ("person", OneOnOneText.Mention(other)));
            var items = (await _oneOnOnes.ListActionItemsAsync(pairing.Id, cancellationToken)).Where(i => i.IsOpen).ToList();
            var itemLines = items.Count == 0
                ? []
                : new[] { strings.Format("calendar.event.items") }.Concat(items.Select(i => ChatMarkup.ToPlainText(AgendaReply.ItemLine(strings, i)))).ToArray();
            var first = true;
            foreach (var date in MeetingSchedule.Dates(pairing))
            {
                var start = MeetingSchedule.Instant(pairing, date);
                if (start + MeetingLength <= now)
                {
                    continue;
                }

                if (start > now + Horizon)
                {
                    break;
                }

                // Open action items only on the next meeting: that is the agenda they belong to.
                var description = first ? StringTable.Lines([agendaLine, .. itemLines]) : agendaLine;
                first = false;
                meetings.Add(new CalendarMeeting(
                    pairing.Id + "-" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "@coachbot", start, MeetingLength, summary, description, pairing.UpdatedAt));
            }
        }

        return new CalendarFeed(strings.Format("calendar.feed.name"), zone, language, [.. meetings.OrderBy(m => m.Start)]);
    }
}
