using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.Users;
using CoachBot.Host.Local;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class LocalChannelTests
{
    private readonly AzuriteFixture _azurite;

    public LocalChannelTests(AzuriteFixture azurite) => _azurite = azurite;

    private static UserRef Local(string id) => new("local", "local", id);

    [Fact]
    public async Task Health_IsUp_AndReadyWithStorage()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();

        var health = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("Healthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_IsServedAtRoot()
    {
        await using var app = new CoachBotApp(_azurite);

        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("CoachBot playground", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheTopics_AndTheirPagesListTheCommands()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("hana");

        var overview = (await client.SendAsync("hana", "help")).AllText();
        var daily = (await client.SendAsync("hana", "help daily")).AllText();
        var privacy = (await client.SendAsync("hana", "help privacy")).AllText();

        foreach (var topic in new[] { "Daily practice", "Career", "1-on-1s", "Team", "Settings and privacy" })
        {
            Assert.Contains(topic, overview, StringComparison.Ordinal);
        }

        foreach (var usage in new[] { "today", "done [note]", "log <action> <note>", "home" })
        {
            Assert.Contains(usage, daily, StringComparison.Ordinal);
        }

        foreach (var usage in new[] { "help [topic|command]", "start", "settings", "export", "forget me" })
        {
            Assert.Contains(usage, privacy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Playground_UnderstandsPhrasesJapaneseWordsAndTypos()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("yui");

        var progress = (await client.SendAsync("yui", "progress")).AllText();
        var phrase = (await client.SendAsync("yui", "How am I doing?")).AllText();
        var word = (await client.SendAsync("yui", "進捗")).AllText();
        var typo = Assert.Single(await client.SendAsync("yui", "1on1 acept"))!;

        Assert.Equal(progress, phrase);
        Assert.Equal(progress, word);
        var commands = typo["buttons"]!.AsArray().Select(b => (string?)b!["values"]!["text"]).ToList();
        Assert.Equal(["help 1on1 accept", "help 1on1"], commands);
    }

    [Fact]
    public async Task StartTodayDone_RecordsAPracticeInTableStorage()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();

        var start = await client.SendAsync("ken", "start");
        Assert.Equal(5, start[0]!["buttons"]!.AsArray().Count);
        await client.PressAsync("ken", "onboarding.role", new { value = "engineer" });
        await client.PressAsync("ken", "onboarding.path", new { value = "founding" });
        await client.PressAsync("ken", "onboarding.time", new { value = "08:00" });
        var done = await client.PressAsync("ken", "onboarding.days", new { value = "mon-fri" });
        Assert.Contains("all set", done.AllText(), StringComparison.Ordinal);
        var today = await client.SendAsync("ken", "today");
        var stepId = today[0]!["buttons"]![0]!["values"]!["step"]!.GetValue<string>();

        await client.SendAsync("ken", "done Led the stand-up");

        var progress = app.Services.GetRequiredService<IProgressStore>();
        var entries = await progress.ListAsync(Local("ken"), DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None);
        var entry = Assert.Single(entries);
        Assert.Equal((stepId, "Led the stand-up"), (entry.StepId, entry.Note));
    }

    [Fact]
    public async Task Practice_SurvivesAHostRestart()
    {
        string prefix;
        await using (var first = new CoachBotApp(_azurite))
        {
            prefix = first.TablePrefix;
            var client = first.CreateClient();
            await client.OnboardAsync("mei");
            await client.SendAsync("mei", "log recruiting Ran a culture-fit interview");
        }

        await using var second = new CoachBotApp(_azurite, prefix);
        var entries = await second.Services.GetRequiredService<IProgressStore>()
            .ListAsync(Local("mei"), DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None);

        Assert.Equal("Ran a culture-fit interview", Assert.Single(entries).Note);
    }

    [Fact]
    public async Task SettingsLanguageJa_RepliesInJapanese()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("yui");

        var replies = await client.PressAsync("yui", "settings.save", new { language = "ja" });

        Assert.Contains("保存しました", replies.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_AnswersWithNearestVerbs()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("ann");

        var replies = await client.SendAsync("ann", "setings");

        Assert.Contains("settings", replies.AllText(), StringComparison.Ordinal);
        Assert.True(replies[0]!["isError"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EmptyText_AnswersWithHelpHint()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("bo");

        var replies = await client.SendAsync("bo", "");

        Assert.Contains("help", replies.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwentyThousandCharacters_GetsTooLongReply_AndNothingIsStored()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();

        var replies = await client.SendAsync("long", new string('a', 20_000));

        Assert.Contains("too long", replies.AllText(), StringComparison.Ordinal);
        var users = app.Services.GetRequiredService<IUserStore>();
        Assert.Null(await users.GetAsync(Local("long"), CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"userId\":\"x\",\"text\":", "not valid JSON")]
    [InlineData("[1,2,3]", "not valid JSON")]
    [InlineData("", "empty")]
    [InlineData("{\"text\":\"help\"}", "userId is required")]
    [InlineData("{\"userId\":\"a b\",\"text\":\"help\"}", "userId is required")]
    [InlineData("{\"userId\":\"x\",\"text\":\"help\",\"action\":{\"id\":\"habit.done\"}}", "either text or action")]
    [InlineData("{\"userId\":\"x\",\"action\":{\"values\":{}}}", "action.id is required")]
    [InlineData("{\"userId\":\"x\",\"action\":{\"id\":\"a\",\"values\":{\"n\":1}}}", "not valid JSON")]
    public async Task Messages_BadRequest_Gets400WithAMessage(string body, string expected)
    {
        await using var app = new CoachBotApp(_azurite);

        var response = await app.CreateClient().PostAsync("/api/local/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_OversizedBody_Gets413_AndNothingIsStored()
    {
        await using var app = new CoachBotApp(_azurite);
        var body = System.Text.Json.JsonSerializer.Serialize(new { userId = "big", text = new string('z', 70_000) });

        var response = await app.CreateClient().PostAsync("/api/local/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await app.Services.GetRequiredService<IUserStore>().GetAsync(Local("big"), CancellationToken.None));
    }

    [Fact]
    public async Task Messages_SameMessageIdTwice_IsProcessedOnce()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("dup");

        await client.SendAsync("dup", "log business Learned what LTV means", messageId: "m-1");
        var second = await client.PostAsJsonAsync("/api/local/messages", new { userId = "dup", text = "log business Learned what LTV means", messageId = "m-1" });

        var json = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.True(json["duplicate"]!.GetValue<bool>());
        Assert.Empty(json["replies"]!.AsArray());
        var entries = await app.Services.GetRequiredService<IProgressStore>().ListAsync(Local("dup"), DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None);
        Assert.Single(entries);
    }

    [Fact]
    public async Task Clock_AdvancesTheBotsTime()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var before = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        var response = await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 1440 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.InRange(after - before, TimeSpan.FromMinutes(1440), TimeSpan.FromMinutes(1445));
    }

    [Theory]
    [InlineData("{\"advanceMinutes\":0}")]
    [InlineData("{\"advanceMinutes\":-5}")]
    [InlineData("{\"advanceMinutes\":\"soon\"}")]
    [InlineData("{}")]
    public async Task Clock_BadRequest_Gets400(string body)
    {
        await using var app = new CoachBotApp(_azurite);

        var response = await app.CreateClient().PostAsync("/api/local/clock", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Inbox_ShowsPushedMessages()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var empty = JsonNode.Parse(await client.GetStringAsync("/api/local/inbox/ivy"))!;
        Assert.Empty(empty["messages"]!.AsArray());

        await app.Services.GetRequiredService<LocalInbox>().SendAsync(Local("ivy"), Reply.Plain("Time for today's step"), CancellationToken.None);

        var inbox = JsonNode.Parse(await client.GetStringAsync("/api/local/inbox/ivy"))!;
        Assert.Equal("Time for today's step", inbox["messages"]![0]!["reply"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task LocalEndpoints_AreAbsentOutsideLocalMode()
    {
        await using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?> { ["Local:Enabled"] = "false" });
        var client = app.CreateClient();

        var messages = await client.PostAsJsonAsync("/api/local/messages", new { userId = "x", text = "help" });
        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, messages.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
