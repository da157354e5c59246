using CoachBot.Content.Model;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.OneOnOnes.Calendar;

/// <summary>
/// <c>1on1 calendar</c> gives the user the private address of their 1-on-1 calendar feed, once; <c>1on1 calendar
/// reset</c> revokes it and gives a new one. Only a hash of the address's token is stored, so the address cannot be
/// shown a second time (docs/decisions/0038-calendar-feed.md).
/// </summary>
public sealed class CalendarHandler : ICommandHandler
{
    public const string Verb = "1on1 calendar";

    private readonly CalendarFeedService _feeds;
    private readonly ICalendarFeedLinks? _links;

    /// <param name="feeds">Makes and replaces the feed.</param>
    /// <param name="links">The host's feed addresses; none in hosts without HTTP (the command then says so).</param>
    public CalendarHandler(CalendarFeedService feeds, IEnumerable<ICalendarFeedLinks> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        _feeds = feeds;
        _links = links.FirstOrDefault();
    }

    public IReadOnlyList<string> Verbs { get; } = [Verb];

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var args = command.Arguments.Trim();
        var reset = string.Equals(args, "reset", StringComparison.OrdinalIgnoreCase);
        if (!reset && args.Length > 0)
        {
            return Error(context.T("calendar.usage", ("value", args)));
        }

        // The address opens the user's meetings to whoever has it: never in a channel others read.
        if (context.Turn.InChannel)
        {
            return Error(context.T("calendar.private_only"));
        }

        // Checked before a token is made: a reset must not revoke the old address without a new one to give.
        var channel = context.Turn.User.Channel;
        if (_links?.TryCreateUrl("probe", channel) is null)
        {
            return Error(context.T("calendar.no_link"));
        }

        var me = context.Turn.User;
        var existing = await _feeds.GetAsync(me, cancellationToken);
        var turnKey = TurnKeys.Of(context.Turn);
        if (existing is not null && turnKey is not null && existing.MadeByTurn == turnKey)
        {
            // This very message made the current address (a redelivery or a resumed turn): a second token would
            // revoke the one its first answer showed, and a channel that posts a turn's answer once would never show
            // the new one. The address stands; only a new message can reset it (ADR 0038).
            return Reply.Plain(context.T("calendar.redelivered", ("date", MadeOn(context, existing))));
        }

        if (!reset && existing is not null)
        {
            return Reply.Plain(context.T("calendar.exists", ("date", MadeOn(context, existing))));
        }

        var token = await _feeds.ReplaceAsync(me, context.Now, turnKey, cancellationToken);
        var url = _links.TryCreateUrl(token, channel)!;
        var key = existing is null ? (reset ? "calendar.reset_new" : "calendar.created") : "calendar.reset_done";
        var zone = await _feeds.ZoneAsync(me, cancellationToken);
        return Reply.Plain(StringTable.Lines(context.T(key, ("url", url), ("zone", zone)), context.T("calendar.how")));
    }

    private static string MadeOn(TurnContext context, CalendarFeedRecord feed) =>
        OneOnOneText.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(feed.CreatedAt, Time.TimeZones.FindOrUtc(context.Profile.TimeZoneId)).DateTime));

        private static Reply Error(string text) => new() { Text = text, IsError = true };
}
