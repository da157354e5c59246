using CoachBot.Core.Conversation;
using CoachBot.Core.Reflections;

namespace CoachBot.Core.Tests.Reflections;

/// <summary>Team reflection commands, the form and the scheduler functions over in-memory stores.</summary>
public sealed partial class TeamReflectionFlowTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TeamChannel Team = TeamChannel.For(CoachHarness.User(), "#team-a");

    [Fact]
    public async Task OpenRoundAsync_EnabledTeam_SendsEveryMemberTheFormOnce()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");

        var invitations = await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        var again = await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow().AddHours(1), None);

        Assert.Equal(["bob", "carol", "lead"], invitations.Select(i => i.Member.UserId).Order(StringComparer.Ordinal));
        Assert.Empty(again);
        var form = invitations[0].Reply.Form!;
        Assert.Equal(ReflectionForm.SubmitAction, form.SubmitActionId);
        var answers = form.Inputs.Where(i => i.Kind == InputKind.MultilineText).ToList();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Equal(ReflectionForm.MaxAnswerLength, a.MaxLength));
        Assert.Equal(3, form.Inputs.Count(i => i.Id.StartsWith("quote", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReflectForm_SubmitThenEditUntilClose_ThenClosed()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");
        await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);

        var saved = Assert.Single(await harness.PressAsync(ReflectionForm.SubmitAction, Values("first"), "bob"));
        var edited = Assert.Single(await harness.PressAsync(ReflectionForm.SubmitAction, Values("second", quote: true), "bob"));
        var form = Assert.Single(await harness.SendAsync("reflect", "bob"));

        Assert.Contains("saved", saved.Text, StringComparison.Ordinal);
        Assert.Contains("updated", edited.Text, StringComparison.Ordinal);
        Assert.Equal("second", form.Form!.Inputs.Single(i => i.Id == "answer1").InitialValue);
        Assert.Equal(ReflectionForm.Yes, form.Form.Inputs.Single(i => i.Id == "quote1").InitialValue);
        var round = Assert.Single(await harness.Reflections.ListRoundsAsync(Team, None));
        Assert.Equal("second", Assert.Single(await harness.Reflections.ListAnswersAsync(Team, round.Week, None)).Parts[0].Text);

        harness.Clock.Advance(ReflectionSchedule.AnswerWindow);
        var late = Assert.Single(await harness.PressAsync(ReflectionForm.SubmitAction, Values("third"), "bob"));
        var reflect = Assert.Single(await harness.SendAsync("reflect", "bob"));

        Assert.True(late.IsError);
        Assert.Contains("This week's reflection has closed", late.Text, StringComparison.Ordinal);
        Assert.Contains("This week's reflection has closed", reflect.Text, StringComparison.Ordinal);
        Assert.Equal("second", Assert.Single(await harness.Reflections.ListAnswersAsync(Team, round.Week, None)).Parts[0].Text);
    }

    [Fact]
    public async Task ReflectForm_AnswerOverLimit_SavesNoneOfTheAnswers()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");
        await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        var values = Values("fine");
        values["answer3"] = new string('x', ReflectionForm.MaxAnswerLength + 1);

        var reply = Assert.Single(await harness.PressAsync(ReflectionForm.SubmitAction, values, "bob"));

        Assert.True(reply.IsError);
        Assert.Contains("3001", reply.Text, StringComparison.Ordinal);
        var round = Assert.Single(await harness.Reflections.ListRoundsAsync(Team, None));
        Assert.Empty(await harness.Reflections.ListAnswersAsync(Team, round.Week, None));
        Assert.Null(await harness.Reflections.GetOwnAnswerAsync(CoachHarness.User("bob"), Team, round.Week, None));
    }

    [Fact]
    public async Task ReflectForm_AllAnswersEmpty_PointsAtTheFirstAnswerAndSavesNothing()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");
        await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        var values = Values("  ");
        values["answer3"] = string.Empty;

        var reply = Assert.Single(await harness.PressAsync(ReflectionForm.SubmitAction, values, "bob"));

        Assert.True(reply.IsError);
        Assert.Equal(ReflectionForm.AnswerInput(0), reply.ErrorInputId);
        Assert.Null(await harness.Reflections.GetOwnAnswerAsync(CoachHarness.User("bob"), Team, "2026-W48", None));
    }

    [Fact]
    public async Task ReflectForm_NotAMember_IsRefusedAndNothingSaved()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");
        await harness.OnboardAsync("mallory");
        await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);

        var reply = Assert.Single(await harness.PressAsync(ReflectionForm.SubmitAction, Values("sneaky"), "mallory"));

        Assert.True(reply.IsError);
        var round = Assert.Single(await harness.Reflections.ListRoundsAsync(Team, None));
        Assert.Empty(await harness.Reflections.ListAnswersAsync(Team, round.Week, None));
    }

    [Fact]
    public async Task CloseRoundAsync_ThreeAnswers_SummaryHasConsentedQuotesAndNoNames()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol", "dave");
        await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        await harness.PressAsync(ReflectionForm.SubmitAction, Values("Bob's quotable learning", quote: true), "bob");
        await harness.PressAsync(ReflectionForm.SubmitAction, Values("Carol's private worry"), "carol");
        await harness.PressAsync(ReflectionForm.SubmitAction, Values("Dave's quotable win", quote: true), "dave");

        var summary = await harness.TeamReflections.CloseRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        var status = Assert.Single(await harness.SendAsync("team reflection status", "lead"));

        Assert.NotNull(summary);
        Assert.Contains("3 of 4 members answered (75%)", summary.Text, StringComparison.Ordinal);
        Assert.Contains("“Bob's quotable learning”", summary.Text, StringComparison.Ordinal);
        Assert.Contains("“Dave's quotable win”", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("private worry", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("local|", summary.Text, StringComparison.Ordinal);
        Assert.Contains("3 of 4 (75%)", status.Text, StringComparison.Ordinal);
        Assert.Contains("Weekly reflection participation", status.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", status.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await harness.TeamReflections.CloseRoundAsync(Team, harness.Clock.GetUtcNow(), None));
    }

    [Fact]
    public async Task TeamReflectionOn_SwitchedOffByItsLead_AnotherMemberCannotTakeItOver()
    {
        var harness = await EnabledTeamAsync("lead", "bob");
        var off = Assert.Single(await harness.SendAsync("team reflection off #team-a", "lead"));
        Assert.False(off.IsError, off.Text);
        Assert.False((await harness.Reflections.GetAsync(Team, None))!.Enabled);

        var takeover = Assert.Single(await harness.SendAsync("team reflection on #team-a Mon 09:00", "bob"));
        var status = Assert.Single(await harness.SendAsync("team reflection status #team-a", "bob"));

        Assert.True(takeover.IsError, takeover.Text);
        Assert.Contains("only they can change it", takeover.Text, StringComparison.Ordinal);
        var saved = await harness.Reflections.GetAsync(Team, None);
        Assert.Equal((CoachHarness.User("lead"), false, DayOfWeek.Friday), (saved!.Lead, saved.Enabled, saved.Day));
        Assert.True(status.IsError);
        Assert.Contains("Turn it back on", (await harness.SendAsync("team reflection status #team-a", "lead"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamReflectionStatus_FewerAnswersThanTheThreshold_ShowsNoCountOrTrend()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol", "dave");
        await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        await harness.PressAsync(ReflectionForm.SubmitAction, Values("Only Bob answered"), "bob");

        var open = Assert.Single(await harness.SendAsync("team reflection status", "lead")).Text;
        await harness.TeamReflections.CloseRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        var closed = Assert.Single(await harness.SendAsync("team reflection status", "lead")).Text;

        // "1 of 4" after Bob said he answered tells everyone that nobody else did; below 3 answers there is no count.
        Assert.Contains("fewer than 3 of 4 so far", open, StringComparison.Ordinal);
        Assert.Contains("fewer than 3 of 4 (counts start at 3", closed, StringComparison.Ordinal);
        Assert.All(new[] { open, closed }, text => Assert.DoesNotContain("1 of 4", text, StringComparison.Ordinal));
        Assert.All(new[] { open, closed }, text => Assert.DoesNotContain("25%", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_MemberWithAnswers_HasOwnAnswersAndForgetMeRemovesThem()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");
        await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        await harness.PressAsync(ReflectionForm.SubmitAction, Values("Bob own words"), "bob");
        await harness.PressAsync(ReflectionForm.SubmitAction, Values("Carol words"), "carol");

        var export = Assert.Single(await harness.SendAsync("export", "bob"));
        var json = System.Text.Encoding.UTF8.GetString(export.Attachments[0].Content.Span);
        var question = Assert.Single(await harness.SendAsync("forget me", "bob"));
        await harness.SendAsync("forget me yes", "bob");

        Assert.Contains("Team reflections: your own answers (weeks: 1), channels you are recorded in (1)", export.Text, StringComparison.Ordinal);
        Assert.Contains("Team reflections: your own answers (weeks: 1)", question.Text, StringComparison.Ordinal);
        Assert.Contains("Bob own words", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Carol words", json, StringComparison.Ordinal);
        Assert.Contains("team-a", json, StringComparison.Ordinal);
        Assert.Empty(await harness.Reflections.ListOwnAnswersAsync(CoachHarness.User("bob"), None));
        Assert.Empty(await harness.Reflections.ListMembershipsAsync(CoachHarness.User("bob"), None));
        var round = Assert.Single(await harness.Reflections.ListRoundsAsync(Team, None));
        Assert.Equal(["Carol words"], (await harness.Reflections.ListAnswersAsync(Team, round.Week, None)).Select(a => a.Parts[0].Text));
    }

    [Fact]
    public async Task TeamReflectionOn_LeadWhoOnlyRunsIt_IsNeitherAskedNorCountedNorAbleToAnswer()
    {
        var (harness, on) = await LeadOnlyTeamAsync("lead", "bob", "carol");

        var invitations = await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        var reflect = Assert.Single(await harness.SendAsync("reflect", "lead"));
        var submitted = Assert.Single(await harness.PressAsync(ReflectionForm.SubmitAction, Values("the lead's own answer"), "lead"));
        var status = Assert.Single(await harness.SendAsync("team reflection status", "lead"));

        Assert.Contains("You run it without answering, so you are not counted among the members.", on.Text, StringComparison.Ordinal);
        Assert.Equal("I answer too", Assert.Single(on.Buttons).Label);
        Assert.Equal(["bob", "carol"], invitations.Select(i => i.Member.UserId).Order(StringComparer.Ordinal));
        var round = Assert.Single(await harness.Reflections.ListRoundsAsync(Team, None));
        Assert.Equal(2, round.InvitedCount);
        Assert.Contains("There is no team reflection open for you", reflect.Text, StringComparison.Ordinal);
        Assert.True(submitted.IsError);
        Assert.Empty(await harness.Reflections.ListAnswersAsync(Team, round.Week, None));
        Assert.Contains("You run it without answering", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadButton_OnlyTheLeadMayPressIt_AndTheChoiceDecidesWhetherTheyAreAskedAndSurvivesAChangedSetUp()
    {
        var (harness, on) = await LeadOnlyTeamAsync("lead", "bob");
        var button = Assert.Single(on.Buttons);

        var forged = Assert.Single(await harness.PressAsync(button, "bob"));
        Assert.True(forged.IsError);
        Assert.Contains("You don't run a team reflection in #team-a", forged.Text, StringComparison.Ordinal);
        Assert.False((await harness.Reflections.GetAsync(Team, None))!.LeadTakesPart);

        var joined = Assert.Single(await harness.PressAsync(button, "lead"));
        var changed = Assert.Single(await harness.SendAsync("team reflection on #team-a Mon 09:00", "lead"));
        var invitations = await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);

        Assert.StartsWith("You now take part in #team-a's reflection as a member", joined.Text, StringComparison.Ordinal);
        Assert.Equal("I only run it", Assert.Single(joined.Buttons).Label);
        Assert.Contains("You take part as a member too", changed.Text, StringComparison.Ordinal);
        Assert.True((await harness.Reflections.GetAsync(Team, None))!.LeadTakesPart);
        Assert.Equal(["bob", "lead"], invitations.Select(i => i.Member.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(2, Assert.Single(await harness.Reflections.ListRoundsAsync(Team, None)).InvitedCount);
    }

    [Fact]
    public async Task OpenRoundAsync_MessagesGoOutLate_TheRoundStillClosesAtItsScheduledTime()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");
        var scheduled = harness.Clock.GetUtcNow();
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var invitations = await harness.TeamReflections.OpenRoundAsync(Team, scheduled, harness.Clock.GetUtcNow(), None);

        var round = Assert.Single(await harness.Reflections.ListRoundsAsync(Team, None));
        Assert.Equal((scheduled, scheduled + ReflectionSchedule.AnswerWindow), (round.OpensAt, round.ClosesAt));
        var closes = TimeZoneInfo.ConvertTime(scheduled + ReflectionSchedule.AnswerWindow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.All(invitations, i => Assert.Contains(closes.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), i.Reply.Text, StringComparison.Ordinal));

        harness.Clock.SetUtcNow(round.ClosesAt - TimeSpan.FromMinutes(1));
        Assert.False(Assert.Single(await harness.PressAsync(ReflectionForm.SubmitAction, Values("just in time"), "bob")).IsError);
        harness.Clock.SetUtcNow(round.ClosesAt);
        var late = Assert.Single(await harness.PressAsync(ReflectionForm.SubmitAction, Values("too late"), "carol"));
        Assert.Contains("This week's reflection has closed", late.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenRoundAsync_RunAfterTheWindowHasPassed_OpensNothing()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");
        var scheduled = harness.Clock.GetUtcNow();

        var invitations = await harness.TeamReflections.OpenRoundAsync(Team, scheduled, scheduled + ReflectionSchedule.AnswerWindow, None);

        Assert.Empty(invitations);
        Assert.Empty(await harness.Reflections.ListRoundsAsync(Team, None));
    }

    [Fact]
    public async Task WeeklyRounds_NineWeeks_AskTheCoreEveryWeekAndNoRotatingPromptTwiceWithinEightWeeks()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");
        var reflection = (await harness.Reflections.GetAsync(Team, None))!;
        var en = CoachHarness.Content.For("en").ReflectionPrompts;
        var open = harness.Clock.GetUtcNow();

        for (var week = 0; week < 9; week++)
        {
            open = ReflectionSchedule.NextOpenUtc(reflection, open);
            harness.Clock.SetUtcNow(open);
            var invitations = await harness.TeamReflections.OpenRoundAsync(Team, open, open, None);
            var bob = Assert.Single(invitations, i => i.Member.UserId == "bob");
            Assert.Contains(en.Single(p => p.Id == "learned").Text, bob.Reply.Text, StringComparison.Ordinal);
            Assert.Contains(en.Single(p => p.Id == "blocked").Text, bob.Reply.Text, StringComparison.Ordinal);
            harness.Clock.SetUtcNow(open + ReflectionSchedule.AnswerWindow);
            Assert.NotNull(await harness.TeamReflections.CloseRoundAsync(Team, harness.Clock.GetUtcNow(), None));
        }

        var rounds = await harness.Reflections.ListRoundsAsync(Team, None);
        Assert.Equal(9, rounds.Count);
        Assert.All(rounds, r => Assert.Equal(["learned", "blocked"], r.PromptIds.Take(2)));
        var rotating = rounds.Select(r => r.PromptIds[2]).ToList();
        Assert.Equal(8, rotating.Take(8).Distinct().Count());
        Assert.Equal(8, rotating.Skip(1).Distinct().Count());
    }

    private static Dictionary<string, string> Values(string first, bool quote = false) => new Dictionary<string, string>
    {
        [ReflectionForm.RoundInput] = "2026-W48|team-a",
        ["answer1"] = first,
        ["quote1"] = quote ? ReflectionForm.Yes : ReflectionForm.No,
        ["answer2"] = string.Empty,
        ["quote2"] = ReflectionForm.No,
        ["answer3"] = "recruiting",
        ["quote3"] = ReflectionForm.No,
    };

    /// <summary>Onboarded users in Tokyo, each recorded as a member of #team-a.</summary>
    private static async Task<CoachHarness> TeamAsync(params string[] members)
    {
        var harness = new CoachHarness();
        foreach (var member in members)
        {
            await harness.OnboardAsync(member, timeZone: "Asia/Tokyo");
            await harness.TeamReflections.RecordMemberAsync(Team, CoachHarness.User(member), None);
        }

        return harness;
    }

    /// <summary>#team-a with its reflection on, led by the first member, who answers too (the "I answer too" button).</summary>
    private static async Task<CoachHarness> EnabledTeamAsync(params string[] members)
    {
        var (harness, on) = await LeadOnlyTeamAsync(members);
        var joined = Assert.Single(await harness.PressAsync(Assert.Single(on.Buttons), members[0]));
        Assert.False(joined.IsError, joined.Text);
        Assert.True((await harness.Reflections.GetAsync(Team, None))!.LeadTakesPart);
        return harness;
    }

    /// <summary>#team-a with its reflection on, led by the first member, who only runs it (the default); and the reply.</summary>
    private static async Task<(CoachHarness Harness, Reply On)> LeadOnlyTeamAsync(params string[] members)
    {
        var harness = await TeamAsync(members);
        var reply = Assert.Single(await harness.SendAsync("team reflection on #team-a Fri 16:00", members[0]));
        Assert.False(reply.IsError, reply.Text);
        return (harness, reply);
    }
}
