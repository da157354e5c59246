using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace CoachBot.Slack.SocketMode;

/// <summary>What one read from the socket produced.</summary>
internal enum SocketModeReceiveKind
{
    /// <summary>A whole text message.</summary>
    Text,

    /// <summary>A message larger than the cap; its bytes were read and dropped.</summary>
    TooLarge,

    /// <summary>A binary message, which Slack never sends; dropped.</summary>
    Binary,

    /// <summary>The server closed the socket.</summary>
    Closed,
}

/// <summary>One read: the kind, the text of a <see cref="SocketModeReceiveKind.Text"/> message, and the size seen.</summary>
internal readonly record struct SocketModeReceived(SocketModeReceiveKind Kind, string? Text, long Bytes);

/// <summary>
/// One Socket Mode WebSocket: reassembles fragmented text messages up to a size cap and serializes sends (acks from
/// envelopes handled in parallel share it).
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private const int ChunkSize = 16 * 1024;

    private readonly WebSocket _socket;
    private readonly int _maxMessageBytes;
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public SocketModeConnection(WebSocket socket, int maxMessageBytes)
    {
        _socket = socket;
        _maxMessageBytes = maxMessageBytes;
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>Connects to a Socket Mode URL. The URL carries a ticket: callers never log it.</summary>
    public static async Task<SocketModeConnection> ConnectAsync(Uri url, int maxMessageBytes, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return new SocketModeConnection(socket, maxMessageBytes);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next whole message; fragments are joined until EndOfMessage.</summary>
    public async Task<SocketModeReceived> ReceiveAsync(CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var message = new MemoryStream();
            long total = 0;
            while (true)
            {
                var result = await _socket.ReceiveAsync(chunk.AsMemory(0, ChunkSize), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return new SocketModeReceived(SocketModeReceiveKind.Closed, null, total);
                }

                total += result.Count;
                if (total <= _maxMessageBytes)
                {
                    message.Write(chunk, 0, result.Count);
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (total > _maxMessageBytes)
                {
                    return new SocketModeReceived(SocketModeReceiveKind.TooLarge, null, total);
                }

                return result.MessageType == WebSocketMessageType.Binary
                    ? new SocketModeReceived(SocketModeReceiveKind.Binary, null, total)
                    : new SocketModeReceived(SocketModeReceiveKind.Text, Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), total);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Sends one text message; concurrent callers take turns.</summary>
    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Closes politely when still open; gives up (aborts) when the other side does not answer in time.</summary>
    public async Task CloseAsync(TimeSpan timeout, TimeProvider time)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var cts = new CancellationTokenSource(timeout, time);
        try
        {
            await _sendGate.WaitAsync(cts.Token);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", cts.Token);
            }
            finally
            {
                _sendGate.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _sendGate.Dispose();
        return ValueTask.CompletedTask;
    }
}
