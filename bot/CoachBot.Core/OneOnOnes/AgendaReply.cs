using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// An <see cref="Agenda"/> as a structured reply for one reader: a titled section per part (open action items, each
/// side's talking points, shared practice, the questions meant for the reader's side) and a Done button per open
/// action item. The text says everything on its own for channels that show no sections or buttons.
/// </summary>
internal static class AgendaReply
{
    /// <summary>Most Done buttons on one agenda; further items are closed with <c>1on1 done &lt;number&gt;</c>.</summary>
    public const int MaxDoneButtons = 10;

    /// <summary>The agenda for <paramref name="reader"/>, in their language and time zone, optionally after a lead line.</summary>
    public static Reply Build(Agenda agenda, ContentCatalog content, UserProfile reader, string? lead = null)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var strings = content.Strings;
        var pairing = agenda.Pairing;
        var me = reader.User;
        var other = pairing.Other(me);
        var title = strings.Format("oneonones.agenda.title", ("person", OneOnOneText.Mention(other)),
            ("when", OneOnOneText.When(MeetingSchedule.Instant(pairing, agenda.MeetingDate), content.Language, reader.TimeZoneId)));
        var none = strings.Format("oneonones.agenda.none");

        var sections = new List<ReplySection> { new() { Title = title, Body = lead } };
        var itemLines = agenda.OpenActionItems.Select(i => ItemLine(strings, i)).ToList();
        if (itemLines.Count > 0)
        {
            itemLines.Add(strings.Format("oneonones.agenda.done_hint"));
        }

        sections.Add(Section(strings.Format("oneonones.agenda.items"), itemLines, none));

        // Each side's points under its own title: who raised what is never left to guess.
        bool Mine(AgendaTalkingPoint p) => p.ByManager == (pairing.Manager == me);
        sections.Add(Section(strings.Format("oneonones.agenda.points_mine"),
            agenda.TalkingPoints.Where(Mine).Select(PointLine), none));
        sections.Add(Section(strings.Format("oneonones.agenda.points_other", ("person", OneOnOneText.Mention(other))),
            agenda.TalkingPoints.Where(p => !Mine(p)).Select(PointLine), none));

        if (agenda.SharedPractice is { } practice)
        {
            sections.Add(Section(strings.Format("oneonones.agenda.practice", ("person", OneOnOneText.Mention(pairing.Report))),
                practice.Select(c => strings.Format("oneonones.agenda.practice_line",
                    ("action", content.FindAction(c.ActionId)?.Title ?? c.ActionId), ("count", c.Count))), none));
        }

        // Only the questions meant for the reader's side: a manager is not handed the ones meant for the report.
        sections.Add(Section(strings.Format("oneonones.agenda.questions", ("person", OneOnOneText.Mention(other))),
            agenda.QuestionsFor(me).Select(q => "• " + (content.Questions.FirstOrDefault(c => c.Id == q.Id)?.Text ?? q.Text)), none));

        return new Reply
        {
            Text = StringTable.Lines([lead, title, .. sections.Skip(1).SelectMany(s => new[] { s.Title, s.Body })]),
            Sections = sections,
            Buttons = [.. agenda.OpenActionItems.Take(MaxDoneButtons).Select(i => DoneButton(strings, pairing, i))],
        };
    }

    /// <summary>
    /// "Done #3": closes item 3 of the pairing. The pairing travels in the action id and the number as a value; both
    /// are checked against the presser's own pairings when pressed, so a stale or forged button changes nothing.
    /// </summary>
    public static ReplyButton DoneButton(StringTable strings, Pairing pairing, ActionItem item) => ReplyButton.With(
        strings.Format("oneonones.button.done", ("number", OneOnOneText.Number(item.Number))),
        OneOnOneHandler.FormAction(OneOnOneHandler.DoneAction, pairing),
        OneOnOneHandler.NumberValue,
        item.Number.ToString(CultureInfo.InvariantCulture));

    /// <summary>"• #2 Book the venue (owner @bob, due 2026-12-10)".</summary>
    public static string ItemLine(StringTable strings, ActionItem item) => item.Due is { } due
        ? strings.Format("oneonones.agenda.item", ("number", OneOnOneText.Number(item.Number)), ("text", item.Text),
            ("owner", OneOnOneText.Mention(item.Owner)), ("due", OneOnOneText.Date(due)))
        : strings.Format("oneonones.agenda.item_no_due", ("number", OneOnOneText.Number(item.Number)), ("text", item.Text),
            ("owner", OneOnOneText.Mention(item.Owner)));

    /// <summary>A talking point as typed: its section's title already says whose it is.</summary>
    private static string PointLine(AgendaTalkingPoint point) => "• " + point.Point.Text;

    private static ReplySection Section(string title, IEnumerable<string> lines, string none)
    {
        var body = lines.ToList();
        return new ReplySection { Title = title, Body = body.Count == 0 ? none : string.Join("\n", body) };
    }
}
