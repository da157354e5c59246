using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoachBot.Testing;

namespace CoachBot.Host.Tests;

/// <summary>A manager and a report through <c>POST /api/local/messages</c>, on the real stores.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LocalOneOnOneTests
{
    private readonly AzuriteFixture _azurite;

    public LocalOneOnOneTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task OneOnOne_SetupAcceptAgendaNotesAndItems_ReportNeverSeesTheManagersPrivateNote()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var manager = "mgr-" + suffix;
        var report = "rep-" + suffix;
        await client.OnboardAsync(manager);
        await client.OnboardAsync(report);

        var setup = await client.SendAsync(manager, $"1on1 setup @{report} weekly tue 15:00");
        Assert.Contains("I've asked @" + report, setup.AllText(), StringComparison.Ordinal);
        var inbox = await client.GetFromJsonAsync<JsonNode>($"/api/local/inbox/{report}");
        Assert.Contains("1on1 accept @" + manager, inbox!.ToJsonString(), StringComparison.Ordinal);

        Assert.Contains("accepted", (await client.SendAsync(report, "1on1 accept")).AllText(), StringComparison.Ordinal);
        await client.SendAsync(manager, $"1on1 add @{report} hiring plan for Q1");
        await client.SendAsync(report, "1on1 add conference budget");

        var agenda = (await client.SendAsync(report, "1on1 agenda")).AllText();
        Assert.Contains($"Talking points from @{manager}\n• hiring plan for Q1", agenda, StringComparison.Ordinal);
        Assert.Contains("Your talking points\n• conference budget", agenda, StringComparison.Ordinal);
        Assert.Equal(1, QuestionCount(agenda, manager));
        Assert.Equal(3, QuestionCount((await client.SendAsync(manager, "1on1 agenda")).AllText(), report));

        const string secret = "thinking about a raise for them";
        await client.SendAsync(manager, $"1on1 note @{report} private {secret}");
        await client.SendAsync(manager, $"1on1 note @{report} great progress on the migration");
        await client.SendAsync(manager, $"1on1 action @{report} draft the migration plan owner @{report} due 2026-12-31");

        // The first meeting takes place (history lists only meetings that have started); the item stays on the agenda.
        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 8 * 24 * 60 })).EnsureSuccessStatusCode();
        var reportHistory = (await client.SendAsync(report, $"1on1 history @{manager}")).AllText();
        Assert.Contains("great progress on the migration", reportHistory, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, reportHistory, StringComparison.Ordinal);
        Assert.Contains(secret, (await client.SendAsync(manager, $"1on1 history @{report}")).AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, (await client.SendAsync(report, "1on1 agenda")).AllText(), StringComparison.Ordinal);
        var export = await client.SendAsync(report, "export");
        var file = await client.GetStringAsync(export[0]!["attachments"]![0]!["url"]!.GetValue<string>());
        Assert.Contains("great progress on the migration", file, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, file, StringComparison.Ordinal);

        Assert.Contains("#1 draft the migration plan", (await client.SendAsync(manager, "1on1 agenda")).AllText(), StringComparison.Ordinal);
        Assert.Contains("Done: #1", (await client.SendAsync(report, "1on1 done 1")).AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("draft the migration plan", (await client.SendAsync(manager, "1on1 agenda")).AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetMe_ReportWithAPairing_LeavesNoRowNamingThemButTheManagerKeepsTheirSide()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var manager = "mgr-" + suffix;
        var report = "rep-" + suffix;
        await client.OnboardAsync(manager);
        await client.OnboardAsync(report);
        await client.SendAsync(manager, $"1on1 setup @{report} biweekly fri 09:30");
        await client.SendAsync(report, "1on1 accept");
        await client.SendAsync(report, "1on1 add my own point");
        await client.SendAsync(report, "1on1 note private my own note");
        await client.SendAsync(manager, "1on1 action the manager's task");
        await client.SendAsync(report, "1on1 action the report's task");
        Assert.NotEmpty(await RowsNamingAsync(app.TablePrefix, report));

        await client.SendAsync(report, "forget me yes");

        Assert.Empty(await RowsNamingAsync(app.TablePrefix, report));
        var list = (await client.SendAsync(manager, "1on1 list")).AllText();
        Assert.Contains("You have no 1-on-1s", list, StringComparison.Ordinal);

        // History lists meetings that have started: move past the first one (biweekly, so within 14 days).
        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 15 * 24 * 60 })).EnsureSuccessStatusCode();
        Assert.Contains("the manager's task", (await client.SendAsync(manager, "1on1 history @(forgotten)")).AllText(), StringComparison.Ordinal);
    }

    /// <summary>Every entity of this app's tables whose keys or text columns contain <paramref name="userId"/>.</summary>
    private async Task<IReadOnlyList<string>> RowsNamingAsync(string tablePrefix, string userId)
    {
        var service = new TableServiceClient(_azurite.ConnectionString);
        var found = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (table.Name.StartsWith(tablePrefix, StringComparison.Ordinal))
            {
                await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
                {
                    var texts = entity.Select(column => column.Value).OfType<string>().Prepend(entity.RowKey).Prepend(entity.PartitionKey);
                    if (texts.Any(t => t.Contains(userId, StringComparison.Ordinal)))
                    {
                        found.Add($"{table.Name}: {entity.PartitionKey} / {entity.RowKey}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The questions the reader could ask <paramref name="other"/>: the last section of the agenda.</summary>
    private static int QuestionCount(string agenda, string other) =>
        agenda[agenda.IndexOf($"Questions you could ask @{other}", StringComparison.Ordinal)..].Split('\n').Count(line => line.StartsWith('•'));
}
