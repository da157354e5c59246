using System.Text;
using System.Text.Json;
using CoachBot.Core.Conversation;
using CoachBot.Core.Installations;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Privacy;
using CoachBot.Core.Skills;

namespace CoachBot.Core.Tests;

public sealed class PrivacyHandlerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Export_UserWithEveryKindOfRecord_AttachesJsonWithEveryRecord()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "manager", path: "founding");
        await harness.SendAsync("done 部下の話を最後まで聞いた");
        await SeedSkillsTalkingPointAndReferenceAsync(harness, "alice");

        var reply = Assert.Single(await harness.SendAsync("export"));

        var attachment = Assert.Single(reply.Attachments);
        Assert.Equal("coachbot-export-2026-11-24.json", attachment.FileName);
        Assert.Equal("application/json", attachment.MediaType);
        Assert.Contains(attachment.FileName, reply.Text, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(attachment.Content.Span);
        Assert.Contains("\n  \"profile\": {", text, StringComparison.Ordinal);
        Assert.Contains("部下の話を最後まで聞いた", text, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(attachment.Content);
        var root = json.RootElement;
        Assert.Equal("manager", root.GetProperty("profile").GetProperty("role").GetString());
        Assert.Equal("founding", root.GetProperty("profile").GetProperty("careerPath").GetString());
        var practice = Assert.Single(root.GetProperty("practice").EnumerateArray());
        Assert.Equal("部下の話を最後まで聞いた", practice.GetProperty("note").GetString());
        var skills = Assert.Single(root.GetProperty("skillAssessments").EnumerateArray());
        Assert.Equal(4, skills.GetProperty("scores").GetProperty("technical").GetInt32());
        Assert.Equal("2026-11-01", skills.GetProperty("month").GetString());
        var point = Assert.Single(root.GetProperty("talkingPoints").EnumerateArray());
        Assert.Equal("採用計画について相談したい", point.GetProperty("text").GetString());
        Assert.Equal("D-alice", root.GetProperty("conversationReference").GetProperty("conversationId").GetString());
        Assert.Equal("alice", root.GetProperty("user").GetProperty("userId").GetString());
    }

    [Fact]
    public async Task Export_UserWithNoData_AttachesEmptyExportAndCreatesNoProfile()
    {
        var harness = new CoachHarness();

        var replies = await harness.SendAsync("export");

        var attachment = Assert.Single(replies[0].Attachments);
        AssertEmptyExport(attachment);
        Assert.Null(await harness.Users.GetAsync(CoachHarness.User("alice"), None));
    }

    [Fact]
    public async Task ForgetMe_Typed_AsksWithDangerAndCancelButtonsAndDeletesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("done first practice");
        await SeedSkillsTalkingPointAndReferenceAsync(harness, "alice");

        var reply = Assert.Single(await harness.SendAsync("forget me"));

        Assert.Collection(
            reply.Buttons,
            confirm => Assert.Equal((PrivacyHandler.ForgetConfirmAction, ButtonStyle.Danger), (confirm.ActionId, confirm.Style)),
            cancel => Assert.Equal((PrivacyHandler.ForgetCancelAction, ButtonStyle.Default), (cancel.ActionId, cancel.Style)));
        Assert.Contains("forget me yes", reply.Text, StringComparison.Ordinal);
        await AssertEverythingKeptAsync(harness, "alice");
    }

    [Theory]
    [InlineData("forget me please")]
    [InlineData("forget me y")]
    [InlineData("forget me yes now")]
    public async Task ForgetMe_WithAnythingButYes_OnlyAsks(string text)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await SeedSkillsTalkingPointAndReferenceAsync(harness, "alice");

        var reply = Assert.Single(await harness.SendAsync(text));

        Assert.Contains(reply.Buttons, b => b.ActionId == PrivacyHandler.ForgetConfirmAction);
        await AssertEverythingKeptAsync(harness, "alice");
    }

    [Fact]
    public async Task ForgetCancel_Pressed_DeletesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await SeedSkillsTalkingPointAndReferenceAsync(harness, "alice");
        var question = Assert.Single(await harness.SendAsync("forget me"));

        var reply = Assert.Single(await harness.PressAsync(question.Buttons[1]));

        Assert.Equal(Text("privacy.forget.cancelled"), reply.Text);
        await AssertEverythingKeptAsync(harness, "alice");
    }

    [Fact]
    public async Task ForgetConfirm_Pressed_DeletesFromEveryStoreIncludingLedgerKeys()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.OnboardAsync(user: "bob");
        await harness.SendAsync("done alice's note");
        await harness.SendAsync("done bob's note", user: "bob");
        await SeedSkillsTalkingPointAndReferenceAsync(harness, "alice");
        await SeedSkillsTalkingPointAndReferenceAsync(harness, "bob");
        await harness.Ledger.TryRecordAsync(CoachHarness.User("alice"), "local:m1", None);
        await harness.Ledger.TryRecordAsync(CoachHarness.User("bob"), "local:m1", None);
        var question = Assert.Single(await harness.SendAsync("forget me"));

        var reply = Assert.Single(await harness.PressAsync(question.Buttons[0]));

        Assert.Equal(Text("privacy.forget.done"), reply.Text);
        await AssertNothingLeftAsync(harness, "alice");
        await AssertEverythingKeptAsync(harness, "bob");
        Assert.DoesNotContain(harness.Ledger.Keys, k => k.Contains("local|local|alice", StringComparison.Ordinal));
        Assert.Contains(harness.Ledger.Keys, k => k.Contains("local|local|bob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgetMeYes_Typed_DeletesEverything()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("done a note");
        await SeedSkillsTalkingPointAndReferenceAsync(harness, "alice");

        var reply = Assert.Single(await harness.SendAsync("Forget me YES"));

        Assert.Equal(Text("privacy.forget.done"), reply.Text);
        await AssertNothingLeftAsync(harness, "alice");
    }

    [Fact]
    public async Task Export_AfterForget_IsEmptyAndCreatesNoProfile()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("done a note");
        await SeedSkillsTalkingPointAndReferenceAsync(harness, "alice");
        await harness.PressAsync(PrivacyHandler.ForgetConfirmAction);

        var replies = await harness.SendAsync("export");

        AssertEmptyExport(Assert.Single(replies[0].Attachments));
        Assert.Equal(
            Text("privacy.export.empty") + "\n" + Text("privacy.export.attached", ("file", "coachbot-export-2026-11-24.json")),
            replies[0].Text);
        await AssertNothingLeftAsync(harness, "alice");
    }

    [Fact]
    public async Task ForgetMe_Japanese_AsksAndConfirmsInJapanese()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("start", locale: "ja-JP");

        var question = (await harness.SendAsync("forget me"))[0];
        var done = Assert.Single(await harness.PressAsync(question.Buttons[0]));

        Assert.Equal("すべて削除", question.Buttons[0].Label);
        Assert.Equal(CoachHarness.Content.For("ja").Strings.Format("privacy.forget.done"), done.Text);
        Assert.Null(await harness.Users.GetAsync(CoachHarness.User("alice"), None));
    }

    private static async Task SeedSkillsTalkingPointAndReferenceAsync(CoachHarness harness, string user)
    {
        var who = CoachHarness.User(user);
        var now = harness.Clock.GetUtcNow();
        await harness.Skills.SaveAsync(
            new SkillAssessment(who, new DateOnly(2026, 11, 1), new Dictionary<string, int> { ["technical"] = 4, ["people"] = 2 }, now), None);
        await harness.TalkingPoints.AddAsync(new TalkingPoint(who, "tp-1", "採用計画について相談したい", "reading:high-output-management", now), None);
        await harness.References.SaveAsync(new ConversationReference(who, "D-" + user, null, null, "ja-JP", now), None);
    }

    private static async Task AssertEverythingKeptAsync(CoachHarness harness, string user)
    {
        var who = CoachHarness.User(user);
        Assert.NotNull(await harness.Users.GetAsync(who, None));
        Assert.Single(await harness.Skills.ListAsync(who, None));
        Assert.Single(await harness.TalkingPoints.ListAsync(who, None));
        Assert.NotNull(await harness.References.GetAsync(who, None));
    }

    private static async Task AssertNothingLeftAsync(CoachHarness harness, string user)
    {
        var who = CoachHarness.User(user);
        Assert.Null(await harness.Users.GetAsync(who, None));
        Assert.Empty(await harness.PracticeAsync(user));
        Assert.Empty(await harness.Skills.ListAsync(who, None));
        Assert.Empty(await harness.TalkingPoints.ListAsync(who, None));
        Assert.Null(await harness.References.GetAsync(who, None));
    }

    private static void AssertEmptyExport(ReplyAttachment attachment)
    {
        using var json = JsonDocument.Parse(attachment.Content);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("profile").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("conversationReference").ValueKind);
        Assert.Empty(root.GetProperty("practice").EnumerateArray());
        Assert.Empty(root.GetProperty("skillAssessments").EnumerateArray());
        Assert.Empty(root.GetProperty("talkingPoints").EnumerateArray());
    }

    private static string Text(string key, params (string Name, object? Value)[] args) =>
        CoachHarness.Content.For("en").Strings.Format(key, args);
}
