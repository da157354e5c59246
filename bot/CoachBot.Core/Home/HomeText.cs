using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Home;

/// <summary>Renders a <see cref="HomeView"/> as a channel-neutral reply in the reader's language and time zone.</summary>
internal static class HomeText
{
    /// <summary>The hello for someone who has not set up yet (<paramref name="started"/>: setup begun but unfinished).</summary>
    public static Reply Welcome(StringTable strings, bool started)
    {
        var text = strings.Format(started ? "home.setup_unfinished" : "home.welcome");
        var label = strings.Format(started ? "button.continue_setup" : "home.button.start");
        return new Reply
        {
            Text = text,
            Sections = [new ReplySection { Title = strings.Format("home.title"), Body = text }],
            Buttons =
            [
                ReplyButton.Command(label, "start", ButtonStyle.Primary),
                ReplyButton.Command(strings.Format("button.help"), "help"),
            ],
        };
    }

    public static Reply Dashboard(ContentCatalog content, UserProfile reader, HomeView view)
    {
        var strings = content.Strings;
        var title = strings.Format("home.title");
        var streak = strings.Format("home.streak", ("current", view.Streak.Current));
        var best = strings.Format("home.best", ("longest", view.Streak.Longest));
        var lines = new List<string?>
        {
            title,
            $"{strings.Format("home.field.streak")}: {streak}",
            $"{strings.Format("home.field.best")}: {best}",
        };
        var sections = new List<ReplySection>
        {
            new()
            {
                Title = title,
                Fields = [new ReplyField(strings.Format("home.field.streak"), streak), new ReplyField(strings.Format("home.field.best"), best)],
            },
        };
        var buttons = new List<ReplyButton>();

        var (stepSection, stepText, stepButtons) = Step(content, view);
        sections.Add(stepSection);
        lines.Add(stepText);
        buttons.AddRange(stepButtons);

        var (meetingSection, meetingButton) = Meeting(content, reader, view.Meeting);
        sections.Add(meetingSection);
        lines.AddRange([meetingSection.Title, meetingSection.Body]);
        if (meetingButton is not null)
        {
            buttons.Add(meetingButton);
        }

        if (ActionItems(strings, view.ActionItems) is { } items)
        {
            sections.Add(items);
            lines.AddRange([items.Title, items.Body]);

            // A Done button per item shown, the same button the agenda offers (checked again when pressed).
            buttons.AddRange(view.ActionItems.Take(HomeDashboard.MaxActionItems).Select(i => AgendaReply.DoneButton(strings, i.Pairing, i.Item)));
        }

        if (view.ChartUrl is { } url)
        {
            sections.Add(new ReplySection { Image = new ReplyImage(url, strings.Format("progress.chart_alt")) });
        }

        if (view.TeamHealth is { } health)
        {
            var team = TeamHealth(content, health);
            sections.Add(team);
            lines.AddRange([team.Title, team.Body]);
            buttons.Add(ReplyButton.Command(strings.Format("health.home.button"), TeamHealthHandler.HealthVerb));
        }

        buttons.Add(ReplyButton.Command(strings.Format("button.settings"), "settings"));
        buttons.Add(ReplyButton.Command(strings.Format("button.help"), "help"));
        return new Reply { Text = StringTable.Lines([.. lines]), Sections = sections, Buttons = buttons };
    }

    /// <summary>
    /// A lead's team at a glance: the last four weeks of each rate indicator (figures of three or more people only, the
    /// same rules as <c>team health</c>), or why there is nothing to show.
    /// </summary>
    private static ReplySection TeamHealth(ContentCatalog content, TeamHealthReport report)
    {
        var strings = content.Strings;
        var count = report.Team.Members.Count;
        if (report.TooSmall)
        {
            return new ReplySection { Title = strings.Format("health.home.title"), Body = strings.Format("health.home.too_small", ("count", count), ("min", HealthAggregation.MinPeople)) };
        }

        var fields = report.Series
            .Where(s => !HealthIndicatorIds.HasParts(s.IndicatorId))
            .Select(s => (Series: s, Recent: s.Total(4)))
            .Where(x => x.Recent.Percent is not null)
            .Select(x => new ReplyField(TeamHealthHandler.IndicatorTitle(content, x.Series.IndicatorId), strings.Format("health.home.rate", ("percent", x.Recent.Percent))))
            .ToList();
        return new ReplySection
        {
            Title = strings.Format("health.home.title"),
            Body = StringTable.Lines([strings.Format("health.home.summary", ("count", count)), .. fields.Select(f => $"• {f.Label}: {f.Value}")]),
        };
    }

    /// <summary>Today's step as <c>today</c> shows it, with its buttons unless it is done already.</summary>
    private static (ReplySection Section, string Text, IReadOnlyList<ReplyButton> Buttons) Step(ContentCatalog content, HomeView view)
    {
        var strings = content.Strings;
        var today = DailyStepService.StepReply(content, view.Step);
        var shown = today.Sections[0];
        if (view.StepDone)
        {
            var done = strings.Format("home.step_done");
            return (shown with { Body = StringTable.Lines(shown.Body, done) }, StringTable.Lines(shown.Title, view.Step.Text, done), []);
        }

        var skipped = view.Skipped ? strings.Format("home.step_skipped") : null;
        return (shown with { Body = StringTable.Lines(shown.Body, skipped) }, StringTable.Lines(today.Text, skipped), today.Buttons);
    }

    private static (ReplySection Section, ReplyButton? Button) Meeting(ContentCatalog content, UserProfile reader, HomeMeeting? meeting)
    {
        var strings = content.Strings;
        var title = strings.Format("home.oneonone.title");
        if (meeting is null)
        {
            return (new ReplySection { Title = title, Body = strings.Format("home.oneonone.none") }, null);
        }

        var other = OneOnOneText.Mention(meeting.Pairing.Other(reader.User));
        var when = strings.Format("home.oneonone.when", ("person", other), ("when", OneOnOneText.When(meeting.Start, content.Language, reader.TimeZoneId)));
        var agenda = meeting.Agenda is { } a
            ? strings.Format("home.oneonone.agenda", ("items", a.OpenActionItems.Count), ("points", a.TalkingPoints.Count), ("questions", a.QuestionsFor(reader.User).Count))
            : null;
        return (
            new ReplySection { Title = title, Body = StringTable.Lines(when, agenda) },
            ReplyButton.Command(strings.Format("oneonones.button.agenda"), "1on1 agenda " + other));
    }

    /// <summary>The first few of the user's open items and how many more there are; null when there are none.</summary>
    private static ReplySection? ActionItems(StringTable strings, IReadOnlyList<HomeActionItem> items)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var lines = items.Take(HomeDashboard.MaxActionItems).Select(i => i.Item.Due is { } due
            ? strings.Format("home.items.line_due", ("number", OneOnOneText.Number(i.Item.Number)), ("text", i.Item.Text),
                ("person", OneOnOneText.Mention(i.With)), ("due", OneOnOneText.Date(due)))
            : strings.Format("home.items.line", ("number", OneOnOneText.Number(i.Item.Number)), ("text", i.Item.Text),
                ("person", OneOnOneText.Mention(i.With))))
            .ToList<string?>();
        if (items.Count > HomeDashboard.MaxActionItems)
        {
            lines.Add(strings.Format("home.items.more", ("count", items.Count - HomeDashboard.MaxActionItems)));
        }

        lines.Add(strings.Format("home.items.done_hint"));
        return new ReplySection
        {
            Title = strings.Format("home.items.title", ("count", items.Count)),
            Body = StringTable.Lines([.. lines]),
        };
    }
}
