using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using CoachBot.Core.Reflections;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests;

/// <summary>A weekly team reflection end to end: local channels, the real stores, and a scan of the tables.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LocalReflectionTests
{
    private const string Allowed1 = "Pairing with the platform team taught me a lot";
    private const string Allowed2 = "Interviewing for recruiting was new for me";
    private const string Refused = "I am worried about the deadline";

    private readonly AzuriteFixture _azurite;

    public LocalReflectionTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task TeamReflection_ThroughLocalChannel_SummaryQuotesOnlyConsentedAnswersAndNamesNobody()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string[] users = ["lead-" + suffix, "ben-" + suffix, "cai-" + suffix];
        foreach (var user in users)
        {
            await client.OnboardAsync(user);
            await client.SendInChannelAsync(user, "#team-a", "hello team");
        }

        var on = await client.SendAsync(users[0], "team reflection on #team-a Fri 16:00");
        Assert.False(on[0]!["isError"]!.GetValue<bool>(), on.AllText());

        // The lead is on the team too, so they say so and answer like everyone else.
        var joined = await client.PressAsync(users[0], TeamReflectionHandler.LeadAction, new Dictionary<string, string> { ["channel"] = "#team-a", ["part"] = "in" });
        Assert.False(joined[0]!["isError"]!.GetValue<bool>(), joined.AllText());

        var service = app.Services.GetRequiredService<TeamReflectionService>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var channel = new TeamChannel("local", "local", "team-a");
        var invitations = await service.OpenRoundAsync(channel, now, CancellationToken.None);

        Assert.Equal(users.Order(StringComparer.Ordinal), invitations.Select(i => i.Member.UserId).Order(StringComparer.Ordinal));
        Assert.All(invitations, i => Assert.Equal(ReflectionForm.SubmitAction, i.Reply.Form!.SubmitActionId));
        var round = invitations[0].Reply.Form!.Inputs.Single(i => i.Id == ReflectionForm.RoundInput).InitialValue!;
        string[] texts = [Allowed1, Allowed2, Refused];
        for (var i = 0; i < users.Length; i++)
        {
            var saved = await client.PressAsync(users[i], ReflectionForm.SubmitAction, new Dictionary<string, string>
            {
                [ReflectionForm.RoundInput] = round,
                ["answer1"] = texts[i],
                ["quote1"] = i < 2 ? ReflectionForm.Yes : ReflectionForm.No,
                ["answer2"] = "cross-team work with " + (i < 2 ? "design" : "sales"),
                ["quote2"] = ReflectionForm.No,
                ["answer3"] = string.Empty,
                ["quote3"] = ReflectionForm.No,
            });
            Assert.False(saved[0]!["isError"]!.GetValue<bool>(), saved.AllText());
        }

        var summary = await service.CloseRoundAsync(channel, now.AddHours(1), CancellationToken.None);

        Assert.NotNull(summary);
        Assert.Contains("3 of 3 members answered (100%)", summary.Text, StringComparison.Ordinal);
        Assert.Contains("“" + Allowed1 + "”", summary.Text, StringComparison.Ordinal);
        Assert.Contains("“" + Allowed2 + "”", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Refused, summary.Text, StringComparison.Ordinal);
        Assert.All(users, u => Assert.DoesNotContain(u, summary.Text, StringComparison.Ordinal));
        Assert.All(summary.Sections, s => Assert.All(users, u => Assert.DoesNotContain(u, s.Title + s.Body + string.Concat(s.Fields), StringComparison.Ordinal)));

        await AssertNoRowLinksAnAnswerToAUserAsync(app.TablePrefix, [.. texts, "cross-team work"], users);
    }

    [Fact]
    public async Task ForgetMe_MemberWhoAnswered_LeavesNoRowAboutThemAndNoAnswer()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var lead = "lead-" + suffix;
        var member = "gone-" + suffix;
        const string answer = "An answer that must go with its author";
        foreach (var user in new[] { lead, member })
        {
            await client.OnboardAsync(user);
            await client.SendInChannelAsync(user, "#team-b", "hello");
        }

        await client.SendAsync(lead, "team reflection on #team-b Mon 09:00");
        var service = app.Services.GetRequiredService<TeamReflectionService>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var invitations = await service.OpenRoundAsync(new TeamChannel("local", "local", "team-b"), now, CancellationToken.None);
        var round = invitations[0].Reply.Form!.Inputs.Single(i => i.Id == ReflectionForm.RoundInput).InitialValue!;
        await client.PressAsync(member, ReflectionForm.SubmitAction, new Dictionary<string, string>
        {
            [ReflectionForm.RoundInput] = round,
            ["answer1"] = answer,
            ["quote1"] = ReflectionForm.Yes,
        });
        Assert.NotEmpty(await RowsContainingAsync(app.TablePrefix, member));

        await client.SendAsync(member, "forget me yes");

        Assert.Empty(await RowsContainingAsync(app.TablePrefix, member));
        Assert.Empty(await RowsContainingAsync(app.TablePrefix, answer));
        Assert.NotEmpty(await RowsContainingAsync(app.TablePrefix, lead));
    }

    [Theory]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("team a")]
    [InlineData("team/a")]
    public async Task PostMessage_BadChannelId_Returns400ThatSaysWhatToSend(string channelId)
    {
        await using var app = new CoachBotApp(_azurite);

        var response = await app.CreateClient().PostAsJsonAsync("/api/local/messages", new { userId = "amy", channelId, text = "hi" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("channelId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Scans every table of the app: a row that holds any answer text must hold no user id in its keys or columns,
    /// and the answers table must have no user columns at all.
    /// </summary>
    private async Task AssertNoRowLinksAnAnswerToAUserAsync(string prefix, IReadOnlyList<string> answerTexts, IReadOnlyList<string> userIds)
    {
        var service = new TableServiceClient(_azurite.ConnectionString);
        var answerRows = 0;
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var texts = entity.Select(c => c.Value).OfType<string>().Append(entity.PartitionKey).Append(entity.RowKey).ToList();
                if (!texts.Any(t => answerTexts.Any(a => t.Contains(a, StringComparison.Ordinal))))
                {
                    continue;
                }

                answerRows++;
                Assert.Equal(prefix + "ReflectionAnswers", table.Name);
                Assert.DoesNotContain(entity.Keys, k => k.Contains("User", StringComparison.Ordinal) || k.Contains("Member", StringComparison.Ordinal));
                Assert.All(texts, t => Assert.All(userIds, u => Assert.DoesNotContain(u, t, StringComparison.Ordinal)));
            }
        }

        Assert.Equal(3, answerRows);
    }

    /// <summary>Every row, in every table of the app, whose keys or text columns contain <paramref name="text"/>.</summary>
    private async Task<IReadOnlyList<string>> RowsContainingAsync(string prefix, string text)
    {
        var service = new TableServiceClient(_azurite.ConnectionString);
        var found = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var texts = entity.Select(c => c.Value).OfType<string>().Append(entity.PartitionKey).Append(entity.RowKey);
                if (texts.Any(t => t.Contains(text, StringComparison.Ordinal)))
                {
                    found.Add($"{table.Name}: {entity.PartitionKey} / {entity.RowKey}");
                }
            }
        }

        return found;
    }

    [Fact]
    public async Task TeamReflectionOn_ThroughLocalChannel_StoresWhenItWasSetUp_AndAChangeKeepsIt()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var lead = "lead-" + suffix;
        var channelName = "team-" + suffix;
        await client.OnboardAsync(lead);
        await client.SendInChannelAsync(lead, "#" + channelName, "hello team");

        // Days away from the wall clock, so the stored time cannot be the table row's own timestamp.
        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 9 * 24 * 60 + 7 })).EnsureSuccessStatusCode();
        var setUpAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var on = await client.SendAsync(lead, $"team reflection on #{channelName} Fri 16:00");
        Assert.False(on[0]!["isError"]!.GetValue<bool>(), on.AllText());

        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 3 * 24 * 60 })).EnsureSuccessStatusCode();
        var changed = await client.SendAsync(lead, $"team reflection on #{channelName} Mon 10:00");
        Assert.False(changed[0]!["isError"]!.GetValue<bool>(), changed.AllText());

        var stored = await app.Services.GetRequiredService<IReflectionStore>().GetAsync(new TeamChannel("local", "local", channelName), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(10, 0)), (stored.Day, stored.Time));
        // The local clock moves on in real time between reading it and the command: the set-up's minute, not the change's.
        Assert.NotNull(stored.CreatedAt);
        Assert.InRange(stored.CreatedAt.Value, setUpAt, setUpAt.AddMinutes(1));
        Assert.True(setUpAt - TimeProvider.System.GetUtcNow() > TimeSpan.FromDays(8), "the local clock runs ahead of the wall clock");
    }
}
