using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.OneOnOnes;

/// <summary>A pairing's notes, action items and waiting talking points are bounded, with a message that says what to do.</summary>
public sealed class OneOnOneLimitsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly UserRef Alice = CoachHarness.User("alice");

    [Fact]
    public async Task Note_PairingHoldsTheMostNotes_IsRefusedNamingTheLimitAndExport()
    {
        var (harness, pairing) = await ActivePairAsync();
        for (var i = 0; i < OneOnOneLimits.MaxNotesPerPairing; i++)
        {
            await harness.OneOnOnes.AddNoteAsync(new MeetingNote(pairing.Id, "n" + i, pairing.FirstMeeting, Alice, "note " + i, NoteVisibility.Shared, harness.Clock.GetUtcNow()), None);
        }

        var reply = Assert.Single(await harness.SendAsync("1on1 note @bob one more", "alice"));

        Assert.True(reply.IsError);
        Assert.Contains("500 notes", reply.Text, StringComparison.Ordinal);
        Assert.Contains("export", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1on1 end @bob", reply.Text, StringComparison.Ordinal);
        Assert.Equal(OneOnOneLimits.MaxNotesPerPairing, (await harness.OneOnOnes.ListNotesAsync(pairing.Id, None)).Count);
    }

    [Fact]
    public async Task Action_PairingHasTheMostOpenItems_IsRefusedUntilOneIsClosed()
    {
        var (harness, pairing) = await ActivePairAsync();
        for (var i = 1; i <= OneOnOneLimits.MaxOpenActionItemsPerPairing; i++)
        {
            await harness.OneOnOnes.AddActionItemAsync(new ActionItem(pairing.Id, i, "item " + i, Alice, null, pairing.FirstMeeting, harness.Clock.GetUtcNow()), None);
        }

        var refused = Assert.Single(await harness.SendAsync("1on1 action @bob one more", "alice"));
        await harness.SendAsync("1on1 done @bob 1", "alice");
        var accepted = Assert.Single(await harness.SendAsync("1on1 action @bob one more", "alice"));

        Assert.True(refused.IsError);
        Assert.Contains("200 open action items", refused.Text, StringComparison.Ordinal);
        Assert.Contains("1on1 done", refused.Text, StringComparison.Ordinal);
        Assert.False(accepted.IsError);
        Assert.Equal(OneOnOneLimits.MaxOpenActionItemsPerPairing + 1, (await harness.OneOnOnes.ListActionItemsAsync(pairing.Id, None)).Count);
    }

    [Fact]
    public async Task Action_PairingHoldsTheMostItemsInAll_IsRefusedNamingTheLimit()
    {
        var (harness, pairing) = await ActivePairAsync();
        var now = harness.Clock.GetUtcNow();
        for (var i = 1; i <= OneOnOneLimits.MaxActionItemsPerPairing; i++)
        {
            await harness.OneOnOnes.AddActionItemAsync(new ActionItem(pairing.Id, i, "item " + i, Alice, null, pairing.FirstMeeting, now) { DoneAt = now }, None);
        }

        var reply = Assert.Single(await harness.SendAsync("1on1 action @bob one more", "alice"));

        Assert.True(reply.IsError);
        Assert.Contains("1000 action items in all", reply.Text, StringComparison.Ordinal);
        Assert.Equal(OneOnOneLimits.MaxActionItemsPerPairing, (await harness.OneOnOnes.ListActionItemsAsync(pairing.Id, None)).Count);
    }

    [Fact]
    public async Task Add_TheMostTalkingPointsWaiting_IsRefusedUntilTheMeetingHasPassed()
    {
        var (harness, pairing) = await ActivePairAsync();
        for (var i = 0; i < OneOnOneLimits.MaxWaitingTalkingPointsPerPairing; i++)
        {
            await harness.TalkingPoints.AddAsync(new TalkingPoint(Alice, "tp" + i, "point " + i, AgendaBuilder.SourceFor(pairing.Id), harness.Clock.GetUtcNow()), None);
        }

        var refused = Assert.Single(await harness.SendAsync("1on1 add @bob one more", "alice"));
        harness.Clock.Advance(TimeSpan.FromDays(8));
        var accepted = Assert.Single(await harness.SendAsync("1on1 add @bob one more", "alice"));

        Assert.True(refused.IsError);
        Assert.Contains("100 talking points waiting", refused.Text, StringComparison.Ordinal);
        Assert.False(accepted.IsError);
    }

    private static async Task<(CoachHarness Harness, Pairing Pairing)> ActivePairAsync()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync("alice", timeZone: "Asia/Tokyo");
        await harness.OnboardAsync("bob", timeZone: "America/Los_Angeles");
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");
        await harness.SendAsync("1on1 accept @alice", "bob");
        return (harness, Assert.Single(await harness.OneOnOnes.ListPairingsAsync(Alice, None)));
    }
}
