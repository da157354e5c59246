using CoachBot.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Teams.Tests.Connector;

/// <summary>
/// Review finding (security review of 2026-12-05), failing on purpose until fixed: the Bot Connector's
/// POST .../activities has no idempotency key, yet the new pipeline retries it after an attempt timeout (and 500,
/// 408), so a connector that stored the message but answered slowly gets it twice. The old client did not retry a
/// timeout. Slack's chat.postMessage is protected by RetryOnlyWhenNotApplied; the Teams send is not.
/// </summary>
public sealed class TeamsDoublePostReviewTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly ConnectorTestKit _kit;
    private WebApplication _slow = null!;
    private Uri _serviceUrl = null!;
    private int _posts;

    public TeamsDoublePostReviewTests() => _kit = new ConnectorTestKit(time: _time);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _slow = builder.Build();
        _slow.MapPost("/v3/conversations/{conversationId}/activities", async (HttpContext context) =>
        {
            // The connector stores the activity (Teams shows it), then is slow to answer the first time.
            var n = Interlocked.Increment(ref _posts);
            if (n == 1)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }
            }

            context.Response.StatusCode = StatusCodes.Status201Created;
            await context.Response.WriteAsJsonAsync(new { id = $"activity-{n}" });
        });
        await _slow.StartAsync();
        _serviceUrl = new Uri(_slow.Urls.First().TrimEnd('/') + "/");
        _kit.Trust.Trust(_serviceUrl);
    }

    public async Task DisposeAsync() => await _slow.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Review_A_send_the_connector_received_but_answered_slowly_is_not_posted_twice()
    {
        var send = _kit.Client.SendAsync(_serviceUrl, "conv", new Protocol.Activity { Type = "message", Text = "nudge" }, CancellationToken.None);
        try
        {
            await ConnectorTestKit.RunAdvancingAsync(_time, send);
        }
        catch (TeamsConnectorException)
        {
            // Failing the call is fine; posting twice is not.
        }

        Assert.Equal(1, Volatile.Read(ref _posts));
    }
}
