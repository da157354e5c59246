using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using CoachBot.Slack.Tests.Install;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Slack.Tests.SocketMode;

/// <summary>A Socket Mode server on loopback Kestrel: every WebSocket accepted on /link is handed to the test.</summary>
internal sealed class FakeSocketModeServer : IAsyncDisposable
{
    public const string Ticket = "ticket-abc-secret-987";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly Channel<ServerSocket> _accepted = Channel.CreateUnbounded<ServerSocket>();
    private readonly List<ServerSocket> _all = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _history = new();

    private FakeSocketModeServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = LoopbackHost.CreateBuilder(new RecordingLoggerProvider());
        var app = builder.Build();
        var server = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.Map("/link", server.AcceptAsync);
        await app.StartAsync();
        var http = LoopbackHost.BaseAddress(app);
        server.Url = new Uri($"ws://{http.Authority}/link?ticket={Ticket}");
        return server;
    }

    /// <summary>The next connection from the client (fails the test after 10 s).</summary>
    public async Task<ServerSocket> NextConnectionAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await _accepted.Reader.ReadAsync(cts.Token);
    }

    /// <summary>What happened, in order: <c>accepted 1</c>, <c>closed 1</c>, <c>accepted 2</c>, ...</summary>
    public IReadOnlyList<string> History => [.. _history];

    public async ValueTask DisposeAsync()
    {
        lock (_all)
        {
            foreach (var socket in _all)
            {
                socket.End();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["ticket"] != Ticket)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        ServerSocket connection;
        lock (_all)
        {
            connection = new ServerSocket(socket, _all.Count + 1, _history.Enqueue);
            _all.Add(connection);
            _history.Enqueue($"accepted {connection.Number}");
        }

        _accepted.Writer.TryWrite(connection);
        await connection.Ended;
    }
}

/// <summary>The server's end of one Socket Mode connection.</summary>
internal sealed class ServerSocket
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly Action<string> _history;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServerSocket(WebSocket socket, int number, Action<string> history)
    {
        _socket = socket;
        Number = number;
        _history = history;
    }

    public int Number { get; }

    public Task Ended => _ended.Task;

    public Task SendAsync(string text) => SendFragmentsAsync(text, 1);

    /// <summary>Sends <paramref name="text"/> as <paramref name="parts"/> frames, only the last with EndOfMessage.</summary>
    public async Task SendFragmentsAsync(string text, int parts)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var size = (bytes.Length + parts - 1) / parts;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var count = Math.Min(size, bytes.Length - offset);
            var last = offset + count >= bytes.Length;
            await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
        }
    }

    /// <summary>The next whole text message, or null when the client closed the socket (answered with a close, as Slack does).</summary>
    public async Task<string?> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(), cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                _history($"closed {Number}");
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>Drops the connection (the HTTP request ends, so Kestrel aborts the socket).</summary>
    public void End() => _ended.TrySetResult();
}
