using CoachBot.Core.Reflections;
using CoachBot.Core.Storage;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IReflectionStore"/> must do. Inherit it and supply a fresh, empty store.</summary>
public abstract class ReflectionStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

    /// <summary>A new store that shares nothing with the stores of other tests.</summary>
    protected abstract Task<IReflectionStore> CreateStoreAsync();

    [Fact]
    public async Task GetAsync_NeverSaved_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(NewChannel(), None));
    }

    [Fact]
    public async Task SaveAsync_NewThenChanged_RoundTripsWithNewVersions()
    {
        var store = await CreateStoreAsync();
        var lead = TestUsers.New();
        var reflection = new TeamReflection(NewChannel(), lead, DayOfWeek.Friday, new TimeOnly(16, 0), "Asia/Tokyo", Enabled: true)
        {
            CreatedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
        };

        var saved = await store.SaveAsync(reflection, None);
        var changed = await store.SaveAsync(saved with { Enabled = false, Time = new TimeOnly(9, 30), LeadTakesPart = false }, None);

        Assert.NotNull(saved.Version);
        Assert.NotEqual(saved.Version, changed.Version);
        var read = await store.GetAsync(reflection.Channel, None);
        Assert.Equal(changed, read);
        Assert.False(read!.LeadTakesPart);
        Assert.True(saved.LeadTakesPart);
        Assert.Equal(reflection.CreatedAt, read.CreatedAt);
        Assert.Equal([read], await store.ListLedByAsync(lead, None));
    }

    [Fact]
    public async Task SaveAsync_StaleVersionOrSecondInsert_Throws()
    {
        var store = await CreateStoreAsync();
        var reflection = new TeamReflection(NewChannel(), TestUsers.New(), DayOfWeek.Monday, new TimeOnly(10, 0), "UTC", Enabled: true);
        var saved = await store.SaveAsync(reflection, None);
        await store.SaveAsync(saved with { Enabled = false }, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved, None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(reflection, None));
    }

    [Fact]
    public async Task AddMemberAsync_Twice_ListsTheMemberOnceBothWays()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var other = NewChannel();
        var member = TestUsers.New();
        var someoneElse = TestUsers.New();

        await store.AddMemberAsync(channel, member, None);
        await store.AddMemberAsync(channel, member, None);
        await store.AddMemberAsync(other, someoneElse, None);

        Assert.Equal([member], await store.ListMembersAsync(channel, None));
        Assert.Equal([channel], await store.ListMembershipsAsync(member, None));
    }

    [Fact]
    public async Task TryAddRoundAsync_SameWeekTwice_ReturnsNullAndKeepsTheFirst()
    {
        var store = await CreateStoreAsync();
        var round = Round(NewChannel(), "2026-W48");

        var first = await store.TryAddRoundAsync(round, None);
        var second = await store.TryAddRoundAsync(round with { InvitedCount = 99 }, None);

        Assert.NotNull(first);
        Assert.Null(second);
        var listed = Assert.Single(await store.ListRoundsAsync(round.Channel, None));
        Assert.Equal(3, listed.InvitedCount);
        Assert.Equal(round.PromptIds, listed.PromptIds);
        Assert.Equal(round.OpensAt.UtcTicks, listed.OpensAt.UtcTicks);
        Assert.Equal(round.ClosesAt.UtcTicks, listed.ClosesAt.UtcTicks);
        Assert.Null(listed.ClosedAt);
    }

    [Fact]
    public async Task SaveRoundAsync_Close_IsReadBackAndStaleSaveThrows()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var added = await store.TryAddRoundAsync(Round(channel, "2026-W49"), None);
        await store.TryAddRoundAsync(Round(channel, "2026-W48"), None);

        await store.SaveRoundAsync(added! with { ClosedAt = Friday.AddDays(3) }, None);

        var rounds = await store.ListRoundsAsync(channel, None);
        Assert.Equal(["2026-W48", "2026-W49"], rounds.Select(r => r.Week));
        Assert.Equal(Friday.AddDays(3).UtcTicks, rounds[1].ClosedAt!.Value.UtcTicks);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveRoundAsync(added with { ClosedAt = Friday }, None));
    }

    [Fact]
    public async Task SaveOwnAnswerAsync_ThenEdit_AuthorReadsTheirLatestAnswers()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var author = TestUsers.New();
        var answer = Answer(channel, "2026-W48", "I learned Kusto.\n新しいことも", mayQuote: true);

        // As in the bot: only a recorded member of the channel is invited to an opened round.
        await store.AddMemberAsync(channel, author, None);
        await store.TryAddRoundAsync(Round(channel, "2026-W48"), None);
        var saved = await store.SaveOwnAnswerAsync(author, answer, None);
        var edited = await store.SaveOwnAnswerAsync(author, saved with { Parts = [new AnswerPart("learned", "Changed my mind", false)] }, None);

        var own = await store.GetOwnAnswerAsync(author, channel, "2026-W48", None);
        Assert.NotNull(own);
        Assert.Equal(edited.Version, own.Version);
        Assert.Equal([new AnswerPart("learned", "Changed my mind", false)], own.Parts);
        Assert.Null(await store.GetOwnAnswerAsync(TestUsers.New(), channel, "2026-W48", None));
        var listed = Assert.Single(await store.ListOwnAnswersAsync(author, None));
        Assert.Equal(own.Parts, listed.Parts);
        Assert.Equal(channel, listed.Channel);
    }

    [Fact]
    public async Task SaveOwnAnswerAsync_StaleVersion_ThrowsAndKeepsTheStoredAnswers()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var author = TestUsers.New();
        var saved = await store.SaveOwnAnswerAsync(author, Answer(channel, "2026-W48", "first"), None);
        await store.SaveOwnAnswerAsync(author, saved with { Parts = [new AnswerPart("learned", "second", false)] }, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveOwnAnswerAsync(author, saved, None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveOwnAnswerAsync(author, saved with { Version = null }, None));

        Assert.Equal("second", (await store.GetOwnAnswerAsync(author, channel, "2026-W48", None))!.Parts[0].Text);
    }

    [Fact]
    public async Task ListAnswersAsync_SeveralAuthors_ReturnsEveryAnswerWithoutAuthors()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        await store.SaveOwnAnswerAsync(TestUsers.New(), Answer(channel, "2026-W48", "one", mayQuote: true), None);
        await store.SaveOwnAnswerAsync(TestUsers.New(), Answer(channel, "2026-W48", "two"), None);
        await store.SaveOwnAnswerAsync(TestUsers.New(), Answer(channel, "2026-W49", "next week"), None);

        var answers = await store.ListAnswersAsync(channel, "2026-W48", None);

        Assert.Equal(["one", "two"], answers.Select(a => a.Parts[0].Text).Order(StringComparer.Ordinal));
        Assert.True(answers.Single(a => a.Parts[0].Text == "one").Parts[0].MayQuote);
        Assert.All(answers, a => Assert.Equal(3, a.Parts.Count));
    }

    [Fact]
    public async Task DeleteUserDataAsync_RemovesAnswersMembershipsAndSetUpsOfThatUserOnly()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var user = TestUsers.New();
        var other = TestUsers.New();
        await store.AddMemberAsync(channel, user, None);
        await store.AddMemberAsync(channel, other, None);
        await store.SaveAsync(new TeamReflection(channel, user, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", true), None);
        await store.TryAddRoundAsync(Round(channel, "2026-W48"), None);
        await store.SaveOwnAnswerAsync(user, Answer(channel, "2026-W48", "mine"), None);
        await store.SaveOwnAnswerAsync(other, Answer(channel, "2026-W48", "theirs"), None);

        await store.DeleteUserDataAsync(user, None);
        await store.DeleteUserDataAsync(user, None);

        Assert.Empty(await store.ListOwnAnswersAsync(user, None));
        Assert.Empty(await store.ListMembershipsAsync(user, None));
        Assert.Empty(await store.ListLedByAsync(user, None));
        Assert.Null(await store.GetAsync(channel, None));
        Assert.Equal(["theirs"], (await store.ListAnswersAsync(channel, "2026-W48", None)).Select(a => a.Parts[0].Text));
        Assert.Equal([other], await store.ListMembersAsync(channel, None));
        Assert.Single(await store.ListRoundsAsync(channel, None));
    }

    [Fact]
    public async Task SaveAsync_LeadChanged_ListsTheReflectionUnderTheNewLeadOnly()
    {
        var store = await CreateStoreAsync();
        var first = TestUsers.New();
        var second = TestUsers.New();
        var saved = await store.SaveAsync(new TeamReflection(NewChannel(), first, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", true), None);

        var taken = await store.SaveAsync(saved with { Lead = second }, None);

        Assert.Empty(await store.ListLedByAsync(first, None));
        Assert.Equal([taken], await store.ListLedByAsync(second, None));

        var back = await store.SaveAsync(taken with { Lead = first }, None);

        Assert.Equal([back], await store.ListLedByAsync(first, None));
        Assert.Empty(await store.ListLedByAsync(second, None));
    }

    [Fact]
    public async Task SaveAsync_SecondSetUpByAnotherLead_ThrowsAndTheOtherLeadsNothing()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var lead = TestUsers.New();
        var other = TestUsers.New();
        var saved = await store.SaveAsync(new TeamReflection(channel, lead, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", true), None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.SaveAsync(new TeamReflection(channel, other, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", true), None));

        Assert.Empty(await store.ListLedByAsync(other, None));
        Assert.Equal([saved], await store.ListLedByAsync(lead, None));
    }

    [Fact]
    public async Task ListMembershipsAsync_SeveralChannels_ListsEachOnceByChannelKey()
    {
        var store = await CreateStoreAsync();
        var member = TestUsers.New();
        var channels = new[] { NewChannel(), NewChannel(), NewChannel() };
        foreach (var channel in channels.Reverse())
        {
            await store.AddMemberAsync(channel, member, None);
            await store.AddMemberAsync(channel, TestUsers.New(), None);
        }

        Assert.Equal(channels.OrderBy(c => c.Key, StringComparer.Ordinal), await store.ListMembershipsAsync(member, None));
    }

    [Fact]
    public async Task DeleteUserDataAsync_OfTheLead_MembersKeepTheirMembershipsAndRejoiningIsListedAgain()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var lead = TestUsers.New();
        var member = TestUsers.New();
        await store.AddMemberAsync(channel, lead, None);
        await store.AddMemberAsync(channel, member, None);
        await store.SaveAsync(new TeamReflection(channel, lead, DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", true), None);

        await store.DeleteUserDataAsync(lead, None);

        Assert.Empty(await store.ListLedByAsync(lead, None));
        Assert.Empty(await store.ListMembershipsAsync(lead, None));
        Assert.Equal([channel], await store.ListMembershipsAsync(member, None));

        await store.AddMemberAsync(channel, lead, None);

        Assert.Equal([channel], await store.ListMembershipsAsync(lead, None));
    }

    [Fact]
    public async Task RemoveMemberAsync_LeaverIsNoLongerListedButTheirAnswersStayTheirs()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var leaver = TestUsers.New();
        var stays = TestUsers.New();
        await store.AddMemberAsync(channel, leaver, None);
        await store.AddMemberAsync(channel, stays, None);
        await store.TryAddRoundAsync(Round(channel, "2026-W48"), None);
        await store.SaveOwnAnswerAsync(leaver, Answer(channel, "2026-W48", "before I left"), None);

        await store.RemoveMemberAsync(channel, leaver, None);
        await store.RemoveMemberAsync(channel, leaver, None);
        await store.RemoveMemberAsync(channel, TestUsers.New(), None);

        Assert.Equal([stays], await store.ListMembersAsync(channel, None));
        Assert.Empty(await store.ListMembershipsAsync(leaver, None));
        var own = Assert.Single(await store.ListOwnAnswersAsync(leaver, None));
        Assert.Equal("before I left", own.Parts[0].Text);
        Assert.Single(await store.ListAnswersAsync(channel, "2026-W48", None));
    }

    [Fact]
    public async Task RemoveMemberAsync_ThenForgetMe_DeletesTheLeaversAnswers()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var leaver = TestUsers.New();
        await store.AddMemberAsync(channel, leaver, None);
        await store.TryAddRoundAsync(Round(channel, "2026-W48"), None);
        await store.SaveOwnAnswerAsync(leaver, Answer(channel, "2026-W48", "mine"), None);
        await store.RemoveMemberAsync(channel, leaver, None);

        await store.DeleteUserDataAsync(leaver, None);

        Assert.Empty(await store.ListOwnAnswersAsync(leaver, None));
        Assert.Empty(await store.ListAnswersAsync(channel, "2026-W48", None));
    }

    [Fact]
    public async Task AddMemberAsync_AfterLeaving_IsAMemberAgain()
    {
        var store = await CreateStoreAsync();
        var channel = NewChannel();
        var member = TestUsers.New();
        await store.AddMemberAsync(channel, member, None);
        await store.RemoveMemberAsync(channel, member, None);

        await store.AddMemberAsync(channel, member, None);

        Assert.Equal([member], await store.ListMembersAsync(channel, None));
        Assert.Equal([channel], await store.ListMembershipsAsync(member, None));
    }

    private static TeamChannel NewChannel() => TeamChannel.For(TestUsers.New(), "#team-" + Guid.NewGuid().ToString("N")[..8]);

    private static ReflectionRound Round(TeamChannel channel, string week) =>
        new(channel, week, Friday, Friday.AddDays(3), ["learned", "blocked", "five-actions"], 3);

    private static ReflectionAnswer Answer(TeamChannel channel, string week, string text, bool mayQuote = false) =>
        new(channel, week, [new AnswerPart("learned", text, mayQuote), new AnswerPart("blocked", string.Empty, false), new AnswerPart("five-actions", "recruiting", true)], Friday.AddHours(1));
}
