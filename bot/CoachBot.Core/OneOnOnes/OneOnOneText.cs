using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>Renders 1-on-1 data as text for one reader: their language, their time zone.</summary>
internal static class OneOnOneText
{
    /// <summary>"Tue 2026-12-01 15:00 (Asia/Tokyo)": the instant in the reader's own zone.</summary>
    public static string When(DateTimeOffset instant, string language, string timeZoneId)
    {
        var zone = TimeZones.FindOrUtc(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var culture = LanguageCultures.For(language);
        return local.ToString("ddd yyyy-MM-dd HH:mm", culture) + " (" + zone.Id + ")";
    }

    /// <summary>"@bob" for a person, or their display name when known.</summary>
    public static string Name(UserRef user, UserProfile? profile) =>
        string.IsNullOrWhiteSpace(profile?.DisplayName) ? "@" + user.UserId : profile.DisplayName + " (@" + user.UserId + ")";

    public static string Mention(UserRef user) => "@" + user.UserId;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The agenda as one text block, for the reader (their language and zone).</summary>
    public static string Agenda(Agenda agenda, ContentCatalog content, UserProfile reader)
    {
        var strings = content.Strings;
        var pairing = agenda.Pairing;
        var other = pairing.Other(reader.User);
        var lines = new List<string?>
        {
            strings.Format("oneonones.agenda.title", ("person", Mention(other)),
                ("when", When(MeetingSchedule.Instant(pairing, agenda.MeetingDate), content.Language, reader.TimeZoneId))),
            strings.Format("oneonones.agenda.items"),
        };
        lines.AddRange(agenda.OpenActionItems.Count == 0
            ? [strings.Format("oneonones.agenda.none")]
            : agenda.OpenActionItems.Select(i => strings.Format(
                "oneonones.agenda.item", ("number", Number(i.Number)), ("text", i.Text), ("owner", Mention(i.Owner)),
                ("due", i.Due is { } d ? Date(d) : "-"))));
        lines.Add(strings.Format("oneonones.agenda.points"));
        lines.AddRange(agenda.TalkingPoints.Count == 0
            ? [strings.Format("oneonones.agenda.none")]
            : agenda.TalkingPoints.Select(p => strings.Format(
                "oneonones.agenda.point", ("text", p.Point.Text), ("person", Mention(p.ByManager ? pairing.Manager : pairing.Report)))));
        if (agenda.SharedPractice is { } practice)
        {
            lines.Add(strings.Format("oneonones.agenda.practice", ("person", Mention(pairing.Report))));
            lines.AddRange(practice.Count == 0
                ? [strings.Format("oneonones.agenda.none")]
                : practice.Select(c => strings.Format(
                    "oneonones.agenda.practice_line", ("action", content.FindAction(c.ActionId)?.Title ?? c.ActionId), ("count", c.Count))));
        }

        lines.Add(strings.Format("oneonones.agenda.questions"));
        lines.AddRange(agenda.Questions.Select(q => "• " + (content.Questions.FirstOrDefault(c => c.Id == q.Id)?.Text ?? q.Text)));
        return StringTable.Lines([.. lines]);
    }
}
