using System.Collections.Concurrent;
using CoachBot.Core.Habits;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reading;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;
using CoachBot.Testing.Fakes;
using Moq;

namespace CoachBot.Core.Tests.Reading;

public sealed class ReadingTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>A tiny talking point store: ids unique per user, as the port promises.</summary>
    private sealed class TalkingPoints : ITalkingPointStore
    {
        public ConcurrentDictionary<string, TalkingPoint> Points { get; } = new(StringComparer.Ordinal);

        public Task<bool> AddAsync(TalkingPoint point, CancellationToken cancellationToken) =>
            Task.FromResult(Points.TryAdd(point.User.Key + "/" + point.Id, point));

        public Task<IReadOnlyList<TalkingPoint>> ListAsync(UserRef user, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TalkingPoint>>([.. Points.Values.Where(p => p.User == user).OrderBy(p => p.CreatedAt)]);

        public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static async Task PracticeAllButAsync(CoachHarness harness, string weakest, DateOnly date)
    {
        foreach (var action in Content.Model.ContentVocabulary.ActionIds.Where(a => a != weakest))
        {
            await harness.Progress.AddAsync(new PracticeEntry(CoachHarness.User(), $"p-{action}-{date}", date, action, null, null, DateTimeOffset.UnixEpoch), CancellationToken.None);
        }
    }

    [Fact]
    public async Task Reading_NoBook_SuggestsTheBookForTheWeakestActionAndMakesItCurrent()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await PracticeAllButAsync(harness, "recruiting", Today.AddDays(-3));

        var reply = Assert.Single(await harness.SendAsync("reading"));

        // An Elegant Puzzle is the only book on the list for the recruiting action.
        Assert.Contains("An Elegant Puzzle", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\"Get involved in hiring\"", reply.Text, StringComparison.Ordinal);
        var profile = await harness.ProfileAsync();
        Assert.Equal(("an-elegant-puzzle", Today), (profile.ReadingBookId, profile.ReadingSince!.Value));
        Assert.Equal(3, reply.Buttons.Count(b => b.ActionId == ReadingHandler.TalkingPointAction));
    }

    [Fact]
    public async Task Suggest_PracticeOlderThanFourWeeks_IsIgnored()
    {
        var progress = new InMemoryProgressStore();
        var profile = new UserProfile { User = CoachHarness.User() };
        foreach (var action in Content.Model.ContentVocabulary.ActionIds.Where(a => a != "cross_team"))
        {
            await progress.AddAsync(new PracticeEntry(profile.User, "recent-" + action, Today.AddDays(-27), action, null, null, DateTimeOffset.UnixEpoch), CancellationToken.None);
        }

        await progress.AddAsync(new PracticeEntry(profile.User, "old", Today.AddDays(-28), "recruiting", null, null, DateTimeOffset.UnixEpoch), CancellationToken.None);
        var service = new ReadingService(progress, new InMemorySkillStore());

        var suggestion = await service.SuggestAsync(profile, CoachHarness.Content.For("en"), Today, CancellationToken.None);

        Assert.Equal("cross_team", suggestion!.WeakestActionId);
        Assert.Equal("the-model", suggestion.Book.Id);
    }

    [Fact]
    public async Task Suggest_NoPracticeDifference_UsesTheWeakestSkill()
    {
        var skills = new Mock<ISkillStore>();
        var user = CoachHarness.User();
        skills.Setup(s => s.ListAsync(user, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new SkillAssessment(user, new DateOnly(2026, 9, 1), new Dictionary<string, int> { ["technical"] = 1, ["people"] = 5, ["recruiting_org"] = 5, ["communication"] = 5, ["problem_solving"] = 5 }, DateTimeOffset.UnixEpoch),
            new SkillAssessment(user, new DateOnly(2026, 10, 1), new Dictionary<string, int> { ["technical"] = 4, ["people"] = 4, ["recruiting_org"] = 2, ["communication"] = 4, ["problem_solving"] = 4 }, DateTimeOffset.UnixEpoch),
        ]);
        var service = new ReadingService(new InMemoryProgressStore(), skills.Object);

        var suggestion = await service.SuggestAsync(new UserProfile { User = user }, CoachHarness.Content.For("en"), Today, CancellationToken.None);

        // The latest month counts: recruiting_org, first supported by The Manager's Path on the list.
        Assert.Equal(("the-managers-path", null, "recruiting_org"), (suggestion!.Book.Id, suggestion.WeakestActionId, suggestion.WeakestSkillId));
    }

    [Fact]
    public async Task Suggest_SameHistory_SameBook()
    {
        var service = new ReadingService(new InMemoryProgressStore(), new InMemorySkillStore());
        var profile = new UserProfile { User = CoachHarness.User(), BooksFinished = ["high-output-management"] };

        var first = await service.SuggestAsync(profile, CoachHarness.Content.For("en"), Today, CancellationToken.None);
        var second = await service.SuggestAsync(profile, CoachHarness.Content.For("en"), Today, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal("one-on-one-meetings", first!.Book.Id);
    }

    [Fact]
    public async Task Reading_Current_ShowsTitleAuthorWhyAndThreeQuestions()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("reading");
        var bookId = (await harness.ProfileAsync()).ReadingBookId;
        var book = CoachHarness.Content.For("en").Books.Single(b => b.Id == bookId);

        var reply = Assert.Single(await harness.SendAsync("reading"));

        Assert.Contains(book.Title, reply.Text, StringComparison.Ordinal);
        Assert.Contains(book.Author, reply.Text, StringComparison.Ordinal);
        Assert.Contains(book.Why, reply.Text, StringComparison.Ordinal);
        Assert.All(book.Questions, q => Assert.Contains(q, reply.Text, StringComparison.Ordinal));
        Assert.Contains(reply.Buttons, b => b.Values.GetValueOrDefault("text") == "reading done");
    }

    [Fact]
    public async Task ReadingDone_MarksFinishedOffersQuestionsAndSuggestsTheNextBook()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("reading");
        var first = (await harness.ProfileAsync()).ReadingBookId!;

        var reply = Assert.Single(await harness.SendAsync("reading done"));

        var profile = await harness.ProfileAsync();
        Assert.Equal([first], profile.BooksFinished);
        Assert.NotNull(profile.ReadingBookId);
        Assert.NotEqual(first, profile.ReadingBookId);
        var buttons = reply.Buttons.Where(b => b.ActionId == ReadingHandler.TalkingPointAction).ToList();
        Assert.Equal(["0", "1", "2"], buttons.Select(b => b.Values["question"]));
        Assert.All(buttons, b => Assert.Equal(first, b.Values["book"]));
        Assert.Contains("Well done", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TalkingPoint_PressedTwice_IsStoredOnce()
    {
        var points = new TalkingPoints();
        var harness = new CoachHarness(talkingPoints: points);
        await harness.OnboardAsync();
        await harness.SendAsync("reading");
        var done = Assert.Single(await harness.SendAsync("reading done"));
        var button = done.Buttons.First(b => b.ActionId == ReadingHandler.TalkingPointAction && b.Values["question"] == "1");
        var book = CoachHarness.Content.For("en").Books.Single(b => b.Id == button.Values["book"]);

        var added = Assert.Single(await harness.PressAsync(button));
        var again = Assert.Single(await harness.PressAsync(button));

        var point = Assert.Single(await points.ListAsync(CoachHarness.User(), CancellationToken.None));
        Assert.Equal((book.Questions[1], $"reading:{book.Id}", ReadingHandler.TalkingPointId(book.Id, 1)), (point.Text, point.Source, point.Id));
        Assert.Contains("Added", added.Text, StringComparison.Ordinal);
        Assert.Contains("already", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TalkingPoint_BadQuestionIndex_IsRefused()
    {
        var points = new TalkingPoints();
        var harness = new CoachHarness(talkingPoints: points);
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.PressAsync(ReadingHandler.TalkingPointAction, new Dictionary<string, string> { ["book"] = "essentialism", ["question"] = "3" }));

        Assert.True(reply.IsError);
        Assert.Empty(points.Points);
    }

    [Fact]
    public async Task ReadingNext_SkipsTheCurrentBookAndSuggestsAnother()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("reading");
        var first = (await harness.ProfileAsync()).ReadingBookId!;

        await harness.SendAsync("reading next");

        var profile = await harness.ProfileAsync();
        Assert.Equal([first], profile.BooksSkipped);
        Assert.NotEqual(first, profile.ReadingBookId);
    }

    [Fact]
    public async Task ReadingNext_ThroughTheWholeList_SaysSoAndOffersToStartOver()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var count = CoachHarness.Content.For("en").Books.Count;
        await harness.SendAsync("reading");

        IReadOnlyList<Conversation.Reply> last = [];
        for (var i = 0; i < count; i++)
        {
            last = await harness.SendAsync("reading next");
        }

        var reply = Assert.Single(last);
        Assert.Contains("whole reading list", reply.Text, StringComparison.Ordinal);
        var restart = reply.Buttons.Single(b => b.Values.GetValueOrDefault("text") == "reading restart");
        Assert.Null((await harness.ProfileAsync()).ReadingBookId);

        await harness.PressAsync(restart);

        var profile = await harness.ProfileAsync();
        Assert.Empty(profile.BooksSkipped);
        Assert.NotNull(profile.ReadingBookId);
    }

    [Fact]
    public async Task ReadingDone_WithoutABook_SaysSoAndSuggestsOne()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("reading done"));

        Assert.Contains("nothing to mark", reply.Text, StringComparison.Ordinal);
        Assert.Empty((await harness.ProfileAsync()).BooksFinished);
        Assert.NotNull((await harness.ProfileAsync()).ReadingBookId);
    }

    [Fact]
    public async Task Reading_UnknownArgument_SaysWhatToType()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("reading later"));

        Assert.True(reply.IsError);
        Assert.Contains("reading next", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_InJapanese_UsesJapaneseBookAndSentences()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings language ja");

        var reply = Assert.Single(await harness.SendAsync("reading"));

        Assert.Contains("おすすめの本", reply.Text, StringComparison.Ordinal);
    }
}
