using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// The connector HttpClient's last handler in hosts that run with real-looking settings: every request the bot makes
/// to any serviceUrl host (Microsoft's or an attacker's) ends here, is recorded, and gets a connector-like 201 answer.
/// Nothing leaves the machine.
/// </summary>
internal sealed class RecordingConnectorHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(Uri Uri, string? Authorization)> _requests = new();

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<(Uri Uri, string? Authorization)> Requests => [.. _requests];

    /// <summary>Waits until a request to <paramref name="host"/> arrived (bounded), or throws.</summary>
    public async Task<(Uri Uri, string? Authorization)> WaitForHostAsync(string host, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var match = _requests.FirstOrDefault(r => string.Equals(r.Uri.Host, host, StringComparison.OrdinalIgnoreCase));
            if (match.Uri is not null)
            {
                return match;
            }

            try
            {
                await Task.Delay(50, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No request to {host} within {timeout}; got {_requests.Count} request(s).");
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent("{\"id\":\"activity-1\"}", Encoding.UTF8, "application/json"),
        });
    }
}
