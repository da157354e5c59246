using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoachBot.Testing;

namespace CoachBot.Host.Tests;

/// <summary>`export` and `forget me` end to end: the local API, the real stores and a scan of every table.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LocalPrivacyTests
{
    private readonly AzuriteFixture _azurite;

    public LocalPrivacyTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task ExportThenForgetMe_ThroughTheLocalApi_LeavesNoRowAboutTheUserInAnyTable()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var user = "forget-" + Guid.NewGuid().ToString("N")[..10];
        const string note = "Led the design review — 設計レビューを主導した";
        await client.OnboardAsync(user);
        await client.SendAsync(user, "today", messageId: "m-today");
        await client.SendAsync(user, "done " + note, messageId: "m-done");
        await client.SendAsync(user, "missions focus environment", messageId: "m-focus");

        var export = await client.SendAsync(user, "export", messageId: "m-export");
        var file = await DownloadAsync(client, Assert.Single(export[0]!["attachments"]!.AsArray()));
        var practice = Assert.Single(file["practice"]!.AsArray());
        Assert.Equal(note, practice!["note"]!.GetValue<string>());
        Assert.Equal("senior", file["profile"]!["role"]!.GetValue<string>());
        Assert.Equal("environment", file["profile"]!["missionFocus"]!.GetValue<string>());
        var before = await RowsMentioningAsync(app.TablePrefix, user);
        foreach (var table in new[] { "Users", "Practice", "Ledger" })
        {
            // Proves the scan sees the user's rows at all, including the ledger keys the endpoint wrote.
            Assert.Contains(before, row => row.StartsWith(app.TablePrefix + table + ":", StringComparison.Ordinal));
        }

        var question = await client.SendAsync(user, "forget me", messageId: "m-forget");
        var confirm = question[0]!["buttons"]![0]!;
        Assert.Equal("danger", confirm["style"]!.GetValue<string>());
        var done = await client.PressAsync(
            user, confirm["actionId"]!.GetValue<string>(), confirm["values"]!.Deserialize<Dictionary<string, string>>(), messageId: "m-confirm");

        Assert.False(done[0]!["isError"]!.GetValue<bool>());
        Assert.Contains("anonymous", done.AllText(), StringComparison.Ordinal);
        Assert.Empty(await RowsMentioningAsync(app.TablePrefix, user));

        // Without a message id: a message that carries one is recorded in the user's ledger partition, by design.
        var again = await client.SendAsync(user, "export");
        var empty = await DownloadAsync(client, Assert.Single(again[0]!["attachments"]!.AsArray()));
        Assert.Null(empty["profile"]);
        Assert.Null(empty["conversationReference"]);
        Assert.Empty(empty["practice"]!.AsArray());
        Assert.Empty(empty["skillAssessments"]!.AsArray());
        Assert.Empty(empty["talkingPoints"]!.AsArray());
        Assert.Empty(await RowsMentioningAsync(app.TablePrefix, user));
    }

    [Fact]
    public async Task Export_Attachment_IsALinkNotInlinedBytes()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();

        var replies = await client.SendAsync("ines", "export");

        var attachment = Assert.Single(replies[0]!["attachments"]!.AsArray())!.AsObject();
        Assert.Equal(["fileName", "mediaType", "url"], attachment.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("application/json", attachment["mediaType"]!.GetValue<string>());
        Assert.Matches("^/api/local/files/[A-Za-z0-9_-]{43}$", attachment["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetFile_UnknownToken_Returns404WithAClearMessage()
    {
        await using var app = new CoachBotApp(_azurite);

        var response = await app.CreateClient().GetAsync("/api/local/files/" + new string('A', 43));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("unknown or has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFile_AfterFifteenMinutesOfBotTime_Returns404()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var replies = await client.SendAsync("jun", "export");
        var url = replies[0]!["attachments"]![0]!["url"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        var advanced = await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 15 });
        advanced.EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    private static async Task<JsonNode> DownloadAsync(HttpClient client, JsonNode? attachment)
    {
        var url = attachment!["url"]!.GetValue<string>();
        var fileName = attachment["fileName"]!.GetValue<string>();
        Assert.Matches(@"^coachbot-export-\d{4}-\d{2}-\d{2}\.json$", fileName);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.True(response.Headers.CacheControl?.NoStore, "a personal export must not be cached");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("empty export");
    }

    /// <summary>Every entity, in every table of this app, whose keys or text columns contain <paramref name="userId"/>.</summary>
    private async Task<IReadOnlyList<string>> RowsMentioningAsync(string tablePrefix, string userId)
    {
        var service = new TableServiceClient(_azurite.ConnectionString);
        var found = new List<string>();
        var tables = 0;
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            tables++;
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var texts = entity.Select(column => column.Value).OfType<string>().Prepend(entity.RowKey).Prepend(entity.PartitionKey);
                if (texts.Any(t => t.Contains(userId, StringComparison.Ordinal)))
                {
                    found.Add($"{table.Name}: {entity.PartitionKey} / {entity.RowKey}");
                }
            }
        }

        Assert.True(tables >= 7, $"expected every table of prefix {tablePrefix}, found {tables}");
        return found;
    }
}
