using System.Net.Http.Json;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Node;

/// <summary>
/// The "local" channel of a replica under test: each message is POSTed as JSON <c>{user, text, replica}</c> to the
/// test's sink, with the replica in an <c>X-Replica</c> header. Anything but a 2xx is a transient failure
/// (<see cref="HttpRequestException"/>), so the scheduler's retries and backoff apply as they would to a platform.
/// </summary>
public sealed class SinkChannelSender : IChannelSender, IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _sink;
    private readonly string _replica;

    public SinkChannelSender(Uri sink, string replica)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!sink.IsLoopback)
        {
            throw new ArgumentException($"The sink must be on the loopback interface, not {sink.Host}.", nameof(sink));
        }

        _sink = sink;
        _replica = replica;
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    public string Channel => "local";

    public async Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(reply);
        using var request = new HttpRequestMessage(HttpMethod.Post, _sink)
        {
            Content = JsonContent.Create(new SinkMessage(user.Key, reply.Text, _replica)),
        };
        request.Headers.Add("X-Replica", _replica);
        using var response = await _client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The sink answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    public void Dispose() => _client.Dispose();
}
