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
    private readonly ConcurrentQueue<string> _bodies = new();

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<(Uri Uri, string? Authorization)> Requests => [.. _requests];

    /// <summary>The body of every request so far, in order.</summary>
    public IReadOnlyList<string> Bodies => [.. _bodies];

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

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The body first: a test that saw the request may read its body at once.
        _bodies.Enqueue(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        _requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        return new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent("{\"id\":\"activity-1\"}", Encoding.UTF8, "application/json"),
        };
    }
}
