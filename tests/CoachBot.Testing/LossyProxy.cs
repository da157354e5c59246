using System.Net;
using System.Net.Sockets;

namespace CoachBot.Testing;

/// <summary>
/// A loopback TCP proxy in front of a storage endpoint that can lose one answer on purpose: the request reaches the
/// server and is applied, but the client's connection is cut before the response arrives, so the client retries a
/// write that already happened. That is the "applied, answer lost" case every conditional write must survive.
/// </summary>
public sealed class LossyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _answersToLose;

    public LossyProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many answers were lost so far.</summary>
    public int AnswersLost { get; private set; }

    /// <summary>Cuts the connection instead of forwarding the next answer the server sends.</summary>
    public void LoseNextAnswer() => Interlocked.Exchange(ref _answersToLose, 1);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
                var toServer = PumpAsync(client.GetStream(), upstream.GetStream(), lossy: false);
                var toClient = PumpAsync(upstream.GetStream(), client.GetStream(), lossy: true);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool lossy)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            if (lossy && Interlocked.Exchange(ref _answersToLose, 0) == 1)
            {
                // Drop the answer and the connection with it: the client sees a reset and retries.
                AnswersLost++;
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }
}
