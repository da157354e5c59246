using CoachBot.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Teams.Tests.Connector;

/// <summary>
/// The Bot Connector's POST .../activities has no idempotency key: a connector that stored the message but answered
/// slowly (the attempt timed out) or through a gateway timeout must not get it twice (attack review, ADR 0029).
/// </summary>
public sealed class TeamsDoublePostTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly ConnectorTestKit _kit;
    private WebApplication _slow = null!;
    private Uri _serviceUrl = null!;
    private int _posts;

    public TeamsDoublePostTests() => _kit = new ConnectorTestKit(time: _time);

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

    [Trait("Category", "Slow")]
    public async Task A_send_the_connector_received_but_answered_slowly_is_not_posted_twice()
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
