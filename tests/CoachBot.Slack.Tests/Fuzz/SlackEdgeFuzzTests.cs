using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CoachBot.Slack.Tests.Edge;
using CoachBot.Testing;

namespace CoachBot.Slack.Tests.Fuzz;

/// <summary>
/// Thousands of correctly signed, malformed bodies to every Slack endpoint while storage is up: each gets a 2xx or a
/// 4xx, never a 5xx (Slack retries a 5xx three times, and the user sees nothing useful either way).
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
[Trait("Category", "Slow")]
public sealed class SlackEdgeFuzzTests
{
    private const int Seed = 1313;
    private const int PerEndpoint = 1000;

    private readonly AzuriteFixture _azurite;

    public SlackEdgeFuzzTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task SignedMalformedBodies_ToEveryEndpoint_NeverGet5xx()
    {
        await using var host = await SlackHost.StartAsync(_azurite);
        host.Slack.AddUser("U0ALICE");
        var fuzzer = new SlackPayloadFuzzer(Seed, host.Slack.ResponseUrl("fuzz").ToString());
        var requests = new List<(string Path, string ContentType, byte[] Body)>();
        for (var i = 0; i < PerEndpoint; i++)
        {
            requests.Add(("/slack/events", "application/json", fuzzer.Event()));
            requests.Add(("/slack/commands", "application/x-www-form-urlencoded", fuzzer.Command()));
            requests.Add(("/slack/interactions", "application/x-www-form-urlencoded", fuzzer.Interaction()));
        }

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            requests.Select((r, i) => (r, i)),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (item, _) =>
            {
                var (request, index) = item;
                string? outcome;
                try
                {
                    using var response = await host.SendAsync(request.Path, request.Body, request.ContentType);
                    outcome = (int)response.StatusCode >= 500 ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) : null;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The in-memory test server hands an unhandled exception to the client; Kestrel would answer 500.
                    outcome = $"500 ({ex.GetType().Name}: {ex.Message} at {ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("CoachBot", StringComparison.Ordinal))?.Trim()})";
                }

                if (outcome is not null)
                {
                    var body = Encoding.UTF8.GetString(request.Body);
                    failures.Add($"#{index} {request.Path} -> {outcome}: {(body.Length > 300 ? body[..300] + "..." : body)}");
                }
            });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count} signed bodies got a 5xx:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(60))}");
    }

    [Theory]
    [InlineData("user_id", "   ")]
    [InlineData("user_id", "\r\n")]
    [InlineData("user_id", "U0ALICE\r\nX-Injected: 1")]
    [InlineData("channel_id", "C0\nGENERAL")]
    [InlineData("trigger_id", " ")]
    [InlineData("channel_id", "C0LONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONG")]
    public async Task SlashCommand_BlankOrControlCharacterId_GetsAClearAnswerNot5xx(string field, string value)
    {
        await using var host = await SlackHost.StartAsync(_azurite);
        host.Slack.AddUser("U0ALICE");
        var form = SlackPayloads.Command("U0ALICE", "1on1 note", host.Slack.ResponseUrl("odd").ToString());
        form[field] = value;

        using var response = await host.PostCommandAsync(form);

        Assert.True((int)response.StatusCode < 500, $"Answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Interaction_NumericTeamId_Gets400NamingTheField()
    {
        await using var host = await SlackHost.StartAsync(_azurite);
        var payload = SlackPayloads.BlockAction("U0ALICE", "command.run|0", "{\"text\":\"today\"}", host.Slack.ResponseUrl("odd").ToString());
        payload["team"] = new System.Text.Json.Nodes.JsonObject { ["id"] = 12345 };
        payload["user"]!["team_id"] = 12345;

        using var response = await host.PostInteractionAsync(payload);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("team.id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
