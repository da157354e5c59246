using CoachBot.Core.OneOnOnes;

namespace CoachBot.Core.Tests.OneOnOnes;

public sealed class OneOnOnePrivacyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ForgetMe_Report_EndsPairingRemovesTheirNotesItemsAndIndexButKeepsTheManagersShared()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 note @alice my own note", "bob");
        await harness.SendAsync("1on1 note @bob manager's shared note", "alice");
        await harness.SendAsync("1on1 action @alice bob's task", "bob");
        await harness.SendAsync("1on1 action @bob alice's task", "alice");
        var pairingId = Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), None)).Id;

        await harness.SendAsync("forget me yes", "bob");

        Assert.Empty(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("bob"), None));
        var pairing = Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), None));
        Assert.Equal(PairingState.Ended, pairing.State);
        Assert.Equal(Pairing.ForgottenUserId, pairing.Report.UserId);
        Assert.Equal(["manager's shared note"], (await harness.OneOnOnes.ListNotesAsync(pairingId, None)).Select(n => n.Text));
        Assert.Equal(["alice's task"], (await harness.OneOnOnes.ListActionItemsAsync(pairingId, None)).Select(i => i.Text));
    }

    [Fact]
    public async Task Export_Report_HoldsPairingSharedNotesAndItemsButNotTheManagersPrivateNote()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 note @bob private only for alice", "alice");
        await harness.SendAsync("1on1 note @bob shared with bob", "alice");
        await harness.SendAsync("1on1 action @bob a task", "alice");

        var reply = Assert.Single(await harness.SendAsync("export", "bob"));

        var json = System.Text.Encoding.UTF8.GetString(Assert.Single(reply.Attachments).Content.ToArray());
        Assert.Contains("shared with bob", json, StringComparison.Ordinal);
        Assert.Contains("a task", json, StringComparison.Ordinal);
        Assert.Contains("\"pairings\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("only for alice", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetMeQuestion_CountsTheOneOnOneRecords_AndDeletesNothingYet()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 note @alice a note", "bob");

        var question = Assert.Single(await harness.SendAsync("forget me", "bob"));

        Assert.Contains("1 pairing, 1 note", question.Text, StringComparison.Ordinal);
        Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("bob"), None));
    }

    private static async Task<CoachHarness> ActivePairAsync()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync("alice", timeZone: "Asia/Tokyo");
        await harness.OnboardAsync("bob", timeZone: "America/Los_Angeles");
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");
        await harness.SendAsync("1on1 accept @alice", "bob");
        return harness;
    }
}
